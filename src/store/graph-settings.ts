/**
 * The vector graph's settings. efConstruction 100 rather than 200: building the graph of the 72k-passage
 * English news archive took 44 s instead of 84 s (most of a full ingest's time after embedding), and
 * against exact search, 300 title questions' recall of the 50 nearest passages went from 98.3 to 97.8 %,
 * of the 5 nearest from 98.7 to 98.5 % (efSearch 256; 64: 29 s, 96.8 / 97.5 %).
 *
 * efSearch is applied when a version is read, whatever its manifest recorded, so that it can change
 * without rebuilding. 128 rather than 256: on the 72k-passage English archive a search takes 1.1 ms
 * instead of 2.0 (recall of the 40 nearest against ef 1000: 95.8 against 98.5 %), and the answers to
 * 300 title questions were all the same on the English archive, 298 of 300 on the Vietnamese one
 * (docs/performance.md).
 */
export const HNSW_SETTINGS = { m: 16, efConstruction: 100, efSearch: 128 };
