import { benchAi } from './bench/ai.ts';
import { benchArgon2, benchLogin } from './bench/auth.ts';
import { benchBundle } from './bench/bundle.ts';
import { benchCollab } from './bench/collab.ts';
import { benchDsp } from './bench/dsp.ts';
import { benchLyricsWorker } from './bench/lyrics-worker.ts';
import { benchMarketplace } from './bench/marketplace.ts';
import { benchMixerBrowser } from './bench/mixer-browser.ts';
import { benchPreviews } from './bench/previews.ts';

/**
 * `npm run bench`: every performance target, measured in one run and printed as tables with the
 * alternatives side by side. Numbers, not assertions: tests never time anything.
 */
const only = process.argv.slice(2);
const wants = (name: string) => only.length === 0 || only.includes(name);

console.log(`CreatorSync benchmarks — Node ${process.version}, ${process.platform}/${process.arch}`);
if (wants('argon2')) await benchArgon2();
if (wants('login')) await benchLogin();
if (wants('bundle')) benchBundle();
if (wants('dsp')) benchDsp();
if (wants('mixer-browser')) await benchMixerBrowser();
if (wants('ai')) await benchAi();
if (wants('lyrics-worker')) await benchLyricsWorker();
if (wants('collab')) await benchCollab();
if (wants('previews')) await benchPreviews();
if (wants('marketplace')) await benchMarketplace();
