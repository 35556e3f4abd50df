import { TransformersEmbedder } from './src/embed/index.js';
import { readFileSync } from 'node:fs';
const e = await TransformersEmbedder.load({ modelId: 'newsdesk/static-use-en', modelsDir: 'models' });
const text = readFileSync('corpus/002_879ed44b500be75a.txt','utf8');
const sents = text.split(/(?<=\.)\s+/).filter(s=>s.length>20);
const batch = Array.from({length: 2000}, (_, i) => sents[i % sents.length] + ' ' + sents[(i*7) % sents.length]);
let t=Date.now(); await e.embed(batch,'passage'); console.log('2000 passages ms', Date.now()-t);
t=Date.now(); await e.embed(batch,'passage'); console.log('again ms', Date.now()-t);
