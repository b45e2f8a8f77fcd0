import { css } from 'lit';

/** Layout shared by the studio's panels and editors. */
export const studioStyles = css`
  .grid {
    display: grid;
    align-items: start;
    gap: var(--cs-space-4, 1rem);
    grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
  }

  .grid .wide {
    grid-column: 1 / -1;
  }

  .panel-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--cs-space-2, 0.5rem);
  }

  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.95rem;
  }

  th,
  td {
    padding: var(--cs-space-2, 0.5rem);
    border-bottom: 1px solid var(--cs-color-border, #dedbe9);
    text-align: start;
    vertical-align: middle;
  }

  .table-wrap {
    overflow-x: auto;
  }

  input[type='number'] {
    min-width: 6rem;
  }

  input[type='date'] {
    width: 100%;
    min-height: 44px;
    padding: 0.6rem 0.8rem;
    border: 1px solid var(--cs-color-border-strong, #8e8a9e);
    border-radius: var(--cs-radius-sm, 8px);
    background: var(--cs-color-surface, #fff);
    color: var(--cs-color-text, #17151f);
    font: inherit;
  }
`;
