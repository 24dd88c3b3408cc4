// Which addresses a port is listened on, read from the kernel's socket tables (Linux), so a test can
// check a server's binding without connecting to any address but loopback.
import { readFile } from 'node:fs/promises';

const LISTEN = '0A';

/** `0100007F` (the kernel's byte order) -> `127.0.0.1`. */
const ipv4 = (hex: string): string => [6, 4, 2, 0].map((at) => String(parseInt(hex.slice(at, at + 2), 16))).join('.');

/** Four 32-bit words in the kernel's byte order -> `::`, `::1`, or the words as hex. */
function ipv6(hex: string): string {
  if (/^0{32}$/.test(hex)) return '::';
  if (hex === '00000000000000000000000001000000') return '::1';
  return hex;
}

async function table(file: string, decode: (hex: string) => string, port: number): Promise<string[]> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => fields.length > 3 && fields[3] === LISTEN)
    .map((fields) => fields[1].split(':'))
    .filter(([, hexPort]) => parseInt(hexPort, 16) === port)
    .map(([hexAddress]) => decode(hexAddress));
}

/** Every local address with a socket listening on `port`, IPv4 and IPv6. */
export async function listeningAddresses(port: number): Promise<string[]> {
  return [...(await table('/proc/net/tcp', ipv4, port)), ...(await table('/proc/net/tcp6', ipv6, port))];
}
