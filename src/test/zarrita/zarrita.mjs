// zarrita (Zarr v3 in JavaScript), the other implementation that the Zarr v3 tests check against.
//
//   node zarrita.mjs write DIR   writes the fixtures of src/test/resources/zarr-v3 into DIR (they are committed, so
//                                that the Java tests read them without node); prints what zarrita reads back
//   node zarrita.mjs read PATH   prints, as one JSON line, what zarrita reads of the array at PATH: shape, chunks,
//                                data type, codec names, dimension names and every value (NaN as the string "NaN",
//                                64-bit integers as decimal strings)
//
// zarrita 0.7 decodes gzip and crc32c but does not encode them: the encoders are added to its registry below (node's
// zlib, the crc32c of the spec), its decoders stay. It reads sharded arrays but does not write them: the shards here are assembled by hand from the spec's
// layout (inner chunks through bytes + gzip, then the index of (offset, nbytes) uint64 pairs, little-endian, with
// its crc32c), and zarrita reads the one with its index at the end back as a check.
import * as zarr from "zarrita";
import { FileSystemStore } from "@zarrita/storage";
import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";

// The values of element i of each fixture: exact in every type, so the Java test computes the same.
export const uint16 = (i) => (i * 7919) % 65536;
export const float32 = (i) => ((i * 37) % 1000 - 500) / 8;
const SHAPE = [5, 13, 17], CHUNKS = [2, 4, 5];
const N = SHAPE[0] * SHAPE[1] * SHAPE[2];

function values(Type, f) {
	const a = new Type(N);
	for (let i = 0; i < N; i++) a[i] = f(i);
	return a;
}

// every chunk except those with x >= 15 (the last column of chunks stays missing: it reads as the fill value)
async function writeLeavingLastColumn(arr, data) {
	await zarr.set(arr, [null, null, zarr.slice(0, 15)], sub(data, 15));
}

function sub(data, width) {
	const out = new data.constructor(SHAPE[0] * SHAPE[1] * width);
	for (let r = 0; r < SHAPE[0] * SHAPE[1]; r++)
		for (let x = 0; x < width; x++) out[r * width + x] = data[r * SHAPE[2] + x];
	return { data: out, shape: [SHAPE[0], SHAPE[1], width], stride: [SHAPE[1] * width, width, 1] };
}

// encoders for zarrita's decode-only codecs; reading goes through zarrita's own decoders
const GzipCodec = await zarr.registry.get("gzip")();
zarr.registry.set("gzip", () => class extends GzipCodec {
	static fromConfig(c) {
		return new this(c);
	}
	constructor(c) {
		super();
		// the parent's encode is an instance field that throws, so it is replaced here rather than overridden
		this.encode = (b) => new Uint8Array(zlib.gzipSync(b, { level: c?.level ?? 5 }));
	}
});
const Crc32cCodec = await zarr.registry.get("crc32c")();
zarr.registry.set("crc32c", () => class extends Crc32cCodec {
	static fromConfig() {
		return new this();
	}
	constructor() {
		super();
		this.encode = (b) => {
			const out = new Uint8Array(b.length + 4);
			out.set(b);
			new DataView(out.buffer).setUint32(b.length, crc32c(b), true);
			return out;
		};
	}
});

const bytes = (endian) => ({ name: "bytes", configuration: { endian } });

async function writeArrays(root) {
	const store = new FileSystemStore(root);
	const top = zarr.root(store);
	await zarr.create(top);
	const u16 = values(Uint16Array, uint16), f32 = values(Float32Array, float32);
	const arrays = [
		["u2-gzip", "uint16", [bytes("little"), { name: "gzip", configuration: { level: 5 } }], 7, "/", u16],
		["u2-big-crc32c", "uint16", [bytes("big"), { name: "crc32c" }], 0, "/", u16],
		["f4-zstd", "float32", [bytes("little"), { name: "zstd", configuration: { level: 3, checksum: false } }],
			"NaN", ".", f32],
		["f4-blosc", "float32", [bytes("little"), { name: "blosc", configuration: { cname: "lz4", clevel: 5,
			shuffle: "shuffle", typesize: 4, blocksize: 0 } }], "-Infinity", "/", f32],
		["f4-raw", "float32", [bytes("little")], 1.5, "/", f32],
	];
	for (const [name, dtype, codecs, fillValue, chunkSeparator, data] of arrays) {
		const arr = await zarr.create(top.resolve(name), { shape: SHAPE, chunkShape: CHUNKS, dtype, codecs,
			fillValue, chunkSeparator, dimensionNames: ["z", "y", "x"] });
		await writeLeavingLastColumn(arr, data);
	}
	// chunk key encoding "v2" (keys 0.0.0, as a v2 store converted in place has): zarrita writes "default" keys,
	// so the keys are renamed here and the metadata says so
	const v2 = path.join(root, "u2-gzip-v2keys");
	fs.cpSync(path.join(root, "u2-gzip"), v2, { recursive: true });
	for (const z of fs.readdirSync(path.join(v2, "c")))
		for (const y of fs.readdirSync(path.join(v2, "c", z)))
			for (const x of fs.readdirSync(path.join(v2, "c", z, y)))
				fs.renameSync(path.join(v2, "c", z, y, x), path.join(v2, `${z}.${y}.${x}`));
	fs.rmSync(path.join(v2, "c"), { recursive: true });
	const meta = JSON.parse(fs.readFileSync(path.join(v2, "zarr.json")));
	meta.chunk_key_encoding = { name: "v2", configuration: { separator: "." } };
	fs.writeFileSync(path.join(v2, "zarr.json"), JSON.stringify(meta, null, 2));
	writeSharded(path.join(root, "u2-sharded"), u16, "end");
	writeSharded(path.join(root, "u2-sharded-start"), u16, "start");
}

// -- sharding by hand --

const SHARD = [4, 8, 10]; // 2 x 2 x 2 inner chunks of CHUNKS

function crc32c(buf) {
	let c = ~0;
	for (const b of buf) {
		c ^= b;
		for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
	}
	return ~c >>> 0;
}

function writeSharded(dir, data, location) {
	const codecs = [bytes("little"), { name: "gzip", configuration: { level: 5 } }];
	const indexCodecs = [bytes("little"), { name: "crc32c" }];
	const meta = { zarr_format: 3, node_type: "array", shape: SHAPE, data_type: "uint16",
		chunk_grid: { name: "regular", configuration: { chunk_shape: SHARD } },
		chunk_key_encoding: { name: "default", configuration: { separator: "/" } }, fill_value: 7,
		codecs: [{ name: "sharding_indexed", configuration: { chunk_shape: CHUNKS, codecs, index_codecs: indexCodecs,
			index_location: location } }], dimension_names: ["z", "y", "x"], attributes: {} };
	fs.mkdirSync(dir, { recursive: true });
	fs.writeFileSync(path.join(dir, "zarr.json"), JSON.stringify(meta, null, 2));
	const per = SHARD.map((s, d) => s / CHUNKS[d]);
	const inner = per[0] * per[1] * per[2];
	const indexBytes = 16 * inner + 4;
	for (let sz = 0; sz * SHARD[0] < SHAPE[0]; sz++)
		for (let sy = 0; sy * SHARD[1] < SHAPE[1]; sy++)
			for (let sx = 0; sx * SHARD[2] < SHAPE[2]; sx++) {
				const index = new BigUint64Array(2 * inner).fill(0xffffffffffffffffn);
				const parts = [];
				let offset = location === "start" ? indexBytes : 0;
				for (let k = 0; k < inner; k++) {
					const c = [sz * per[0] + Math.floor(k / (per[1] * per[2])), sy * per[1] + Math.floor(k / per[2]) %
						per[1], sx * per[2] + k % per[2]];
					// inner chunk (0, 0, 1) of every shard is left out: it reads as the fill value; so are chunks beyond
					// the array's edge and those with x >= 15, as in the other fixtures
					if (k === 1 || c.some((v, d) => v * CHUNKS[d] >= SHAPE[d]) || c[2] * CHUNKS[2] >= 15) continue;
					const raw = new Uint16Array(CHUNKS[0] * CHUNKS[1] * CHUNKS[2]).fill(7);
					for (let z = 0; z < CHUNKS[0]; z++)
						for (let y = 0; y < CHUNKS[1]; y++)
							for (let x = 0; x < CHUNKS[2]; x++) {
								const p = [c[0] * CHUNKS[0] + z, c[1] * CHUNKS[1] + y, c[2] * CHUNKS[2] + x];
								if (p.every((v, d) => v < SHAPE[d])) raw[(z * CHUNKS[1] + y) * CHUNKS[2] + x] =
									data[(p[0] * SHAPE[1] + p[1]) * SHAPE[2] + p[2]];
							}
					const stored = zlib.gzipSync(Buffer.from(raw.buffer), { level: 5 });
					index[2 * k] = BigInt(offset);
					index[2 * k + 1] = BigInt(stored.length);
					offset += stored.length;
					parts.push(stored);
				}
				if (parts.length === 0) continue;
				const ib = Buffer.from(index.buffer);
				const crc = Buffer.alloc(4);
				crc.writeUInt32LE(crc32c(ib));
				const indexPart = Buffer.concat([ib, crc]);
				const file = path.join(dir, "c", `${sz}`, `${sy}`, `${sx}`);
				fs.mkdirSync(path.dirname(file), { recursive: true });
				fs.writeFileSync(file, location === "start" ? Buffer.concat([indexPart, ...parts])
					: Buffer.concat([...parts, indexPart]));
			}
}

// -- an OME-NGFF 0.5 image --

async function writeImage(root) {
	const store = new FileSystemStore(root);
	const top = zarr.root(store);
	const axes = [{ name: "z", type: "space", unit: "micrometer" }, { name: "y", type: "space", unit: "micrometer" },
		{ name: "x", type: "space", unit: "micrometer" }];
	const datasets = [0, 1].map((k) => ({ path: `${k}`, coordinateTransformations: [
		{ type: "scale", scale: [2, 0.5 * 2 ** k, 0.5 * 2 ** k] }, { type: "translation", translation: [0, 0.25 *
			(2 ** k - 1), 0.25 * (2 ** k - 1)] }] }));
	await zarr.create(top, { attributes: { ome: { version: "0.5", multiscales: [{ name: "zarrita", axes, datasets,
		type: "mean" }] } } });
	const u16 = values(Uint16Array, uint16);
	const level0 = await zarr.create(top.resolve("0"), { shape: SHAPE, chunkShape: CHUNKS, dtype: "uint16",
		codecs: [bytes("little"), { name: "gzip", configuration: { level: 5 } }], fillValue: 0,
		dimensionNames: ["z", "y", "x"] });
	await zarr.set(level0, null, { data: u16, shape: SHAPE, stride: [SHAPE[1] * SHAPE[2], SHAPE[2], 1] });
	const s1 = [5, 7, 9];
	const level1 = await zarr.create(top.resolve("1"), { shape: s1, chunkShape: CHUNKS, dtype: "uint16",
		codecs: [bytes("little"), { name: "gzip", configuration: { level: 5 } }], fillValue: 0,
		dimensionNames: ["z", "y", "x"] });
	await zarr.set(level1, null, { data: new Uint16Array(5 * 7 * 9).map((_, i) => uint16(i)), shape: s1,
		stride: [63, 9, 1] });
}

// -- reading --

async function read(p) {
	const arr = await zarr.open(new FileSystemStore(p), { kind: "array" });
	const chunk = await zarr.get(arr);
	const meta = JSON.parse(fs.readFileSync(path.join(p, "zarr.json")));
	// 64-bit integers as decimal strings (exact), NaN as "NaN" (JSON has no NaN), booleans as they are
	const vals = Array.from(chunk.data, (v) => typeof v === "bigint" ? v.toString() : Number.isNaN(v) ? "NaN" : v);
	return { shape: arr.shape, chunks: arr.chunks, dtype: arr.dtype, codecs: meta.codecs.map((c) => c.name),
		dimension_names: meta.dimension_names ?? null, values: vals };
}

const [mode, target] = process.argv.slice(2);
if (mode === "write") {
	fs.rmSync(target, { recursive: true, force: true });
	await writeArrays(path.join(target, "arrays.zarr"));
	await writeImage(path.join(target, "image.ome.zarr"));
	// zarrita reads back what it wrote, and the shards assembled by hand: every value, fills included
	for (const name of fs.readdirSync(path.join(target, "arrays.zarr")).filter((n) => n !== "zarr.json" &&
		n !== "u2-sharded-start").sort()) {
		const r = await read(path.join(target, "arrays.zarr", name));
		const fill = JSON.parse(fs.readFileSync(path.join(target, "arrays.zarr", name, "zarr.json"))).fill_value;
		const f = r.dtype === "float32" ? float32 : uint16;
		let wrong = 0;
		for (let i = 0; i < N; i++) {
			const x = i % SHAPE[2], y = Math.floor(i / SHAPE[2]) % SHAPE[1], z = Math.floor(i / SHAPE[2] / SHAPE[1]);
			// inner chunk 1 of a shard: chunk (even z, even y, odd x) of the shard's 2 x 2 x 2
			const skipped = name.startsWith("u2-sharded") && Math.floor(z / 2) % 2 === 0 && Math.floor(y / 4) % 2 === 0
				&& Math.floor(x / 5) % 2 === 1;
			const expected = x >= 15 || skipped ? fill : f(i);
			if (String(r.values[i]) !== String(expected)) wrong++;
		}
		console.log(name, JSON.stringify(r.shape), JSON.stringify(r.chunks), r.dtype, wrong === 0 ? "ok" : wrong +
			" values differ");
		if (wrong > 0) process.exitCode = 1;
	}
} else if (mode === "read") {
	console.log(JSON.stringify(await read(target)));
} else {
	console.error("usage: node zarrita.mjs write DIR | read ARRAY");
	process.exit(2);
}
