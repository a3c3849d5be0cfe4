/** Reads a little-endian float32 C-order array from the bytes of a NumPy .npy file (format 1.0–3.0). */
export function readNpyFloat32(bytes: Uint8Array): { shape: number[]; data: Float32Array } {
  const magic = String.fromCharCode(...bytes.subarray(0, 6));
  if (magic !== '\x93NUMPY') throw new Error('not a .npy file (bad magic)');
  const major = bytes[6]!;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const headerStart = major === 1 ? 10 : 12;
  const header = new TextDecoder().decode(bytes.subarray(headerStart, headerStart + headerLength));
  const descr = /'descr':\s*'([^']+)'/.exec(header)?.[1];
  const fortran = /'fortran_order':\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape':\s*\(([^)]*)\)/.exec(header)?.[1];
  if (descr !== '<f4' || fortran !== 'False' || shapeText === undefined) {
    throw new Error(`unsupported .npy array (${header.trim()}); expected little-endian float32 in C order`);
  }
  const shape = shapeText.split(',').map((s) => s.trim()).filter(Boolean).map(Number);
  const count = shape.reduce((a, b) => a * b, 1);
  const offset = headerStart + headerLength;
  if (bytes.byteLength - offset < count * 4) throw new Error('.npy file is truncated');
  const data = new Float32Array(count);
  for (let i = 0; i < count; i++) data[i] = view.getFloat32(offset + i * 4, true);
  return { shape, data };
}
