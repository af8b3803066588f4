// `npm start`: the demo on embedded sample data, served on 127.0.0.1 (Vite prints the URL).
import { spawn } from 'node:child_process';

const port = process.env.PORT ?? '5173';
const child = spawn('node_modules/.bin/vite', ['demo', '--config', 'demo/vite.config.ts', '--host', '127.0.0.1', '--port', port], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
