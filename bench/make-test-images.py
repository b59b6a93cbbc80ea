#!/usr/bin/env python3
"""Regenerate the small committed test images in test-images/ from the shared data sets.

Uses only the Python standard library (PNG decoding and TIFF writing are done here), so it runs anywhere:

    python3 bench/make-test-images.py [--data /work/shared/data] [--out test-images]

The output is deterministic: the same inputs give byte-identical files.

TIFF stacks are written the way ImageJ 1.x writes them, so that ImageJ opens them as stacks: uncompressed 8-bit
BlackIsZero, one strip per page, all pixel data contiguous, an "ImageJ=...\\nimages=N\\nslices=N\\n" ImageDescription in
the first IFD, and one IFD per page (so other TIFF readers see every page too).
"""
import argparse
import gzip
import os
import shutil
import struct
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


# ---------------------------------------------------------------------------------------------------------------- PNG
def read_png_gray8(path):
    """Decode a non-interlaced 8-bit grayscale PNG; returns (width, height, bytes row-major)."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG")
    pos = 8
    idat = []
    width = height = None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        ctype = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if ctype == b"IHDR":
            width, height, depth, color, _comp, _filt, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or color != 0 or interlace != 0:
                raise ValueError(f"{path}: need 8-bit grayscale non-interlaced PNG "
                                 f"(depth={depth} color={color} interlace={interlace})")
        elif ctype == b"IDAT":
            idat.append(body)
        elif ctype == b"IEND":
            break
    raw = zlib.decompress(b"".join(idat))
    out = bytearray(width * height)
    prev = bytearray(width)
    stride = width + 1
    for y in range(height):
        ftype = raw[y * stride]
        line = bytearray(raw[y * stride + 1:(y + 1) * stride])
        if ftype == 1:  # Sub
            for x in range(1, width):
                line[x] = (line[x] + line[x - 1]) & 0xFF
        elif ftype == 2:  # Up
            for x in range(width):
                line[x] = (line[x] + prev[x]) & 0xFF
        elif ftype == 3:  # Average
            for x in range(width):
                left = line[x - 1] if x else 0
                line[x] = (line[x] + ((left + prev[x]) >> 1)) & 0xFF
        elif ftype == 4:  # Paeth
            for x in range(width):
                a = line[x - 1] if x else 0
                b = prev[x]
                c = prev[x - 1] if x else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if (pa <= pb and pa <= pc) else (b if pb <= pc else c)
                line[x] = (line[x] + pred) & 0xFF
        elif ftype != 0:
            raise ValueError(f"{path}: bad PNG filter {ftype}")
        out[y * width:(y + 1) * width] = line
        prev = line
    return width, height, bytes(out)


# ---------------------------------------------------------------------------------------------------------------- IDX
def read_idx_images(path, count):
    """First `count` images of a (gzipped) IDX3 ubyte file; returns (rows, cols, list of bytes)."""
    with gzip.open(path, "rb") as f:
        magic, n, rows, cols = struct.unpack(">IIII", f.read(16))
        if magic != 0x00000803:
            raise ValueError(f"{path}: not an IDX3 ubyte file (magic {magic:#x})")
        if count > n:
            raise ValueError(f"{path}: only {n} images")
        size = rows * cols
        buf = f.read(size * count)
    return rows, cols, [buf[i * size:(i + 1) * size] for i in range(count)]


# --------------------------------------------------------------------------------------------------------------- TIFF
def write_imagej_tiff_stack(path, width, height, pages, imagej_version="1.54p"):
    """Write 8-bit grayscale pages as an uncompressed little-endian TIFF stack laid out like ImageJ's own files."""
    n = len(pages)
    page_bytes = width * height
    for p in pages:
        if len(p) != page_bytes:
            raise ValueError("page size mismatch")
    desc = (f"ImageJ={imagej_version}\nimages={n}\nslices={n}\n" if n > 1 else f"ImageJ={imagej_version}\n")
    desc = desc.encode("ascii") + b"\0"

    def ifd(strip_offset, desc_offset, next_ifd):
        # (tag, type, count, value); types: 3 SHORT, 4 LONG, 2 ASCII. Tags in ascending order.
        entries = [(254, 4, 1, 0),                  # NewSubfileType
                   (256, 4, 1, width),              # ImageWidth
                   (257, 4, 1, height),             # ImageLength
                   (258, 3, 1, 8),                  # BitsPerSample
                   (259, 3, 1, 1),                  # Compression: none
                   (262, 3, 1, 1)]                  # PhotometricInterpretation: BlackIsZero
        if desc_offset is not None:
            entries.append((270, 2, len(desc), desc_offset))  # ImageDescription
        entries += [(273, 4, 1, strip_offset),     # StripOffsets
                    (277, 3, 1, 1),                 # SamplesPerPixel
                    (278, 4, 1, height),            # RowsPerStrip
                    (279, 4, 1, page_bytes)]        # StripByteCounts
        out = bytearray(struct.pack("<H", len(entries)))
        for tag, typ, count, value in entries:
            if typ == 3:
                out += struct.pack("<HHIHH", tag, typ, count, value, 0)
            else:
                out += struct.pack("<HHII", tag, typ, count, value)
        out += struct.pack("<I", next_ifd)
        return bytes(out)

    ifd0_len = len(ifd(0, 0, 0))
    ifdn_len = len(ifd(0, None, 0))
    ifd0_off = 8
    desc_off = ifd0_off + ifd0_len
    data_off = desc_off + len(desc)
    data_off += data_off & 1                      # word-align the pixel data
    extra_off = data_off + n * page_bytes
    extra_off += extra_off & 1                    # IFDs must start on a word boundary

    def ifd_offset(i):
        return ifd0_off if i == 0 else extra_off + (i - 1) * ifdn_len

    out = bytearray(b"II*\0" + struct.pack("<I", ifd0_off))
    out += ifd(data_off, desc_off, ifd_offset(1) if n > 1 else 0)
    out += desc
    out += b"\0" * (data_off - len(out))
    for p in pages:
        out += p
    out += b"\0" * (extra_off - len(out))
    for i in range(1, n):
        out += ifd(data_off + i * page_bytes, None, ifd_offset(i + 1) if i + 1 < n else 0)
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(out)
    os.replace(tmp, path)


# --------------------------------------------------------------------------------------------------------------- main
def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=os.path.join(os.path.dirname(REPO), "shared", "data"),
                    help="shared data directory (default: ../shared/data beside the repository)")
    ap.add_argument("--out", default=os.path.join(REPO, "test-images"), help="output directory")
    args = ap.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)

    # 1. Denoiser training stack: the first 12 Train400 images by sorted file name.
    train_dir = os.path.join(args.data, "denoise", "train")
    names = sorted(n for n in os.listdir(train_dir) if n.lower().endswith(".png"))[:12]
    pages = []
    for name in names:
        w, h, px = read_png_gray8(os.path.join(train_dir, name))
        if (w, h) != (180, 180):
            raise ValueError(f"{name}: expected 180x180, got {w}x{h}")
        pages.append(px)
    write_imagej_tiff_stack(os.path.join(args.out, "denoise-train.tif"), 180, 180, pages)
    print(f"denoise-train.tif: {', '.join(names)}")

    # 2. Demo test image: Set12 "01.png" (Cameraman, 256x256), copied byte for byte.
    src = os.path.join(args.data, "denoise", "val", "01.png")
    w, h, _ = read_png_gray8(src)
    if (w, h) != (256, 256):
        raise ValueError(f"{src}: expected 256x256, got {w}x{h}")
    shutil.copyfile(src, os.path.join(args.out, "denoise-test.png"))
    print("denoise-test.png: Set12 01.png (Cameraman)")

    # 3. Fashion-MNIST: first 2000 training and first 500 test images.
    fm = os.path.join(args.data, "fashion-mnist")
    for src_name, count, out_name in (("train-images-idx3-ubyte.gz", 2000, "fashion-mnist-2000.tif"),
                                      ("t10k-images-idx3-ubyte.gz", 500, "fashion-mnist-test-500.tif")):
        rows, cols, imgs = read_idx_images(os.path.join(fm, src_name), count)
        write_imagej_tiff_stack(os.path.join(args.out, out_name), cols, rows, imgs)
        print(f"{out_name}: first {count} images of {src_name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
