// Copies non-TypeScript assets (the default merit model JSON) next to the compiled code.
import { cpSync, mkdirSync } from 'node:fs';

mkdirSync('dist/model', { recursive: true });
cpSync('src/model/asn-merit-v1.json', 'dist/model/asn-merit-v1.json');
