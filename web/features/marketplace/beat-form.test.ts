import { describe, expect, it } from 'vitest';
import { CreateBeatRequest } from '../../../shared/schemas/beats.ts';
import { validateForm } from '../../ui/form-validation.ts';
import { beatFormValues, EMPTY_BEAT_DRAFT } from './beat-form.ts';

describe('beat form', () => {
  it('turns the inputs into a valid create request', () => {
    const values = beatFormValues({ ...EMPTY_BEAT_DRAFT, title: 'Night Drive', genre: 'trap', price: '29,99', bpm: '140', tags: 'dark, 808 ,, night' });
    const result = validateForm(CreateBeatRequest, values);
    expect(result.success && result.data).toMatchObject({ title: 'Night Drive', genre: 'trap', price: 29.99, bpm: 140, musicalKey: null, tags: ['dark', '808', 'night'] });
  });

  it('reports required and out-of-range fields with the shared schema', () => {
    const result = validateForm(CreateBeatRequest, beatFormValues({ ...EMPTY_BEAT_DRAFT, title: 'ab', price: '', bpm: '900' }));
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(Object.keys(result.errors).sort()).toEqual(['bpm', 'genre', 'price', 'title']);
    expect(result.errors['price']).toEqual({ id: 'form.error.required' });
  });
});
