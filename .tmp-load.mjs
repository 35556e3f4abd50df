import autocannon from 'autocannon';
const qs = ['What did the central bank say about interest rates?', 'Who won the election in Brazil?', 'Why did oil prices fall?', 'What happened to the shares of Apple?', 'How many people died in the earthquake?'];
let i = 0;
const r = await autocannon({ url: 'http://127.0.0.1:3978', connections: 10, duration: 10, requests: [{ method: 'POST', path: '/ask', headers: { 'content-type': 'application/json' }, setupRequest: (req) => ({ ...req, body: JSON.stringify({ question: qs[i++ % qs.length] + ' ' + (i % 97) }) }) }] });
console.log('req/s', r.requests.average, 'p50', r.latency.p50, 'p99', r.latency.p99, 'errors', r.errors, 'non2xx', r.non2xx);
