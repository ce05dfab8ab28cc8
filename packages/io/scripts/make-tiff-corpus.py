#!/usr/bin/python3
"""Generate the TIFF corpus of @mgraph/io's tests (packages/io/test/fixtures/tiff).

Run from packages/io:  /usr/bin/python3 scripts/make-tiff-corpus.py
Needs: Debian python3-tifffile (2023.2.3), python3-numpy, libtiff-tools (tiffcp).

Every dtype x compression x layout x byte order, small odd-sized arrays (3 x 17 x 23, so
strips and 16 x 16 tiles are partial), 1-bit bilevel, BigTIFF, ImageJ and OME metadata,
RGB / palette, and the bad files of the issue. The expected arrays are stored as .npy
(one per dtype x layout, shared by every compression and byte order) and manifest.json
lists each file with its expected array, spacing, unit, axes, or the error it must raise.

Debian's tifffile has no imagecodecs, so it neither writes LZW / PackBits / the
floating-point predictor nor reads LZW / predictor 3. Those variants are made from the
tifffile-written uncompressed file by libtiff's own tiffcp, and checked by converting them
back with `tiffcp -c none` and reading the result with tifffile: every expected array is
what tifffile reads (directly, or after libtiff decompressed it), and the script stops if
that differs from the array written.
"""

import json
import os
import re
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import numpy as np
import tifffile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'test', 'fixtures', 'tiff')
SHAPE = (3, 17, 23)
DTYPES = ['uint8', 'int8', 'uint16', 'int16', 'uint32', 'int32', 'float32', 'float64']
LAYOUTS = {
    # name: (ndim, tifffile kwargs, tiffcp layout args)
    'page': (2, {'rowsperstrip': 5}, ['-r', '5']),
    'stack': (3, {'rowsperstrip': 5}, ['-r', '5']),
    'tiles': (3, {'tile': (16, 16)}, ['-t', '-w', '16', '-l', '16']),
}
ORDERS = {'le': '<', 'be': '>'}

manifest = {'generator': f'tifffile {tifffile.__version__}, numpy {np.__version__}, '
            + subprocess.run(['tiffcp'], capture_output=True, text=True).stderr.splitlines()[0].strip(),
            'cases': [], 'bad': []}


def sample(dtype, ndim, seed=0):
    rng = np.random.default_rng(seed)
    shape = SHAPE[-ndim:]
    dt = np.dtype(dtype)
    if dt.kind == 'f':
        a = (rng.standard_normal(shape) * 1000).astype(dtype)
        flat = a.reshape(-1)
        flat[:6] = [np.nan, np.inf, -np.inf, -0.0, np.finfo(dtype).max, np.finfo(dtype).tiny]
    else:
        info = np.iinfo(dtype)
        a = rng.integers(info.min, info.max, size=shape, endpoint=True, dtype=dtype)
        flat = a.reshape(-1)
        flat[:3] = [info.min, info.max, 0]
        # smooth region so the predictor has something to do
        a[..., :5, :] = (np.arange(shape[-1]) % 7).astype(dtype)
    return a


def same(a, b):
    return a.dtype == b.dtype and a.shape == b.shape and np.array_equal(a, b, equal_nan=(a.dtype.kind == 'f'))


def tiffcp(src, dst, args):
    subprocess.run(['tiffcp', *args, src, dst], check=True, capture_output=True)


def tifffile_read(path):
    """What tifffile reads; for LZW / predictor 3 (no imagecodecs), after `tiffcp -c none`."""
    try:
        return tifffile.imread(path), 'tifffile'
    except Exception:
        with tempfile.TemporaryDirectory() as tmp:
            plain = os.path.join(tmp, 'plain.tif')
            big = ['-8'] if tifffile.TiffFile(path).is_bigtiff else []
            tiffcp(path, plain, ['-c', 'none', *big])
            return tifffile.imread(plain), 'tiffcp -c none + tifffile'


def relative(path):
    return os.path.relpath(path, OUT).replace(os.sep, '/')


expected_files = {}


def expected_npy(name, array):
    path = os.path.join(OUT, 'expected', f'{name}.npy')
    if name not in expected_files:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        np.save(path, array)
        expected_files[name] = array
    elif not same(expected_files[name], array):
        sys.exit(f'{name}: two cases expect different arrays')
    return relative(path)


def add_case(path, array, expected_name, **extra):
    got, checked_by = tifffile_read(path)
    if not same(got, array):
        sys.exit(f'{path}: tifffile reads {got.dtype} {got.shape}, not the array written')
    case = {'file': relative(path), 'expected': expected_npy(expected_name, got),
            'dtype': str(got.dtype), 'shape': list(got.shape), 'checkedBy': checked_by,
            'spacing': None, 'unit': None}
    case.update(extra)
    manifest['cases'].append(case)


def main():
    os.makedirs(OUT, exist_ok=True)
    for sub in ['grid', 'bilevel', 'bigtiff', 'meta', 'bad', 'color', 'expected']:
        os.makedirs(os.path.join(OUT, sub), exist_ok=True)
    tmp = tempfile.mkdtemp()

    # 1. dtype x compression x layout x byte order
    for dtype in DTYPES:
        is_float = dtype.startswith('float')
        for layout, (ndim, kw, cp_layout) in LAYOUTS.items():
            a = sample(dtype, ndim)
            name = f'{dtype}-{layout}'
            for order_name, order in ORDERS.items():
                base = os.path.join(OUT, 'grid', f'{name}-{order_name}-none.tif')
                tifffile.imwrite(base, a, byteorder=order, photometric='minisblack', **kw)
                add_case(base, a, name, compression=1, predictor=1)
                variants = [('deflate8', dict(compression='zlib'), 8, 1),
                            ('deflate32946', dict(compression=32946), 32946, 1)]
                if not is_float:
                    variants += [('deflate8-pred2', dict(compression='zlib', predictor=True), 8, 2),
                                 ('deflate32946-pred2', dict(compression=32946, predictor=True), 32946, 2)]
                for vname, vkw, code, pred in variants:
                    path = os.path.join(OUT, 'grid', f'{name}-{order_name}-{vname}.tif')
                    tifffile.imwrite(path, a, byteorder=order, photometric='minisblack', **kw, **vkw)
                    add_case(path, a, name, compression=code, predictor=pred)
                cp_variants = [('packbits', ['-c', 'packbits'], 32773, 1), ('lzw', ['-c', 'lzw'], 5, 1)]
                if is_float and order == '<':
                    # little-endian only: libtiff 4.5's tiffcp does not read back its own
                    # big-endian floating-point-predictor files (values come back byte-swapped)
                    cp_variants += [('lzw-pred3', ['-c', 'lzw:3'], 5, 3), ('deflate8-pred3', ['-c', 'zip:3'], 8, 3)]
                elif not is_float:
                    cp_variants += [('lzw-pred2', ['-c', 'lzw:2'], 5, 2)]
                for vname, cargs, code, pred in cp_variants:
                    path = os.path.join(OUT, 'grid', f'{name}-{order_name}-{vname}.tif')
                    tiffcp(base, path, [*cargs, *cp_layout, *(['-B'] if order == '>' else ['-L'])])
                    add_case(path, a, name, compression=code, predictor=pred)

    # 2. 1-bit bilevel (tifffile writes bool as 1 bit per pixel, rows padded to bytes)
    for layout in ['page', 'stack', 'tiles']:
        ndim, kw, cp_layout = LAYOUTS[layout]
        b = sample('uint8', ndim, seed=3) > 127
        name = f'bool-{layout}'
        for order_name, order in ORDERS.items():
            base = os.path.join(OUT, 'bilevel', f'{name}-{order_name}-none.tif')
            tifffile.imwrite(base, b, byteorder=order, photometric='minisblack', **kw)
            add_case(base, b, name, compression=1, predictor=1)
            # tifffile does not compress bilevel images: libtiff does
            for vname, cargs, code in [('packbits', ['-c', 'packbits'], 32773), ('lzw', ['-c', 'lzw'], 5),
                                       ('deflate8', ['-c', 'zip'], 8)]:
                path = os.path.join(OUT, 'bilevel', f'{name}-{order_name}-{vname}.tif')
                tiffcp(base, path, [*cargs, *cp_layout, *(['-B'] if order == '>' else ['-L'])])
                add_case(path, b, name, compression=code, predictor=1)

    # 3. BigTIFF
    for dtype, vkw, tag in [('uint16', {}, 'none'), ('float32', dict(compression='zlib'), 'deflate8'),
                            ('int16', dict(compression='zlib', predictor=True), 'deflate8-pred2')]:
        for layout in ['stack', 'tiles']:
            ndim, kw, _ = LAYOUTS[layout]
            a = sample(dtype, ndim)
            for order_name, order in ORDERS.items():
                path = os.path.join(OUT, 'bigtiff', f'{dtype}-{layout}-{order_name}-{tag}.tif')
                tifffile.imwrite(path, a, bigtiff=True, byteorder=order, photometric='minisblack', **kw, **vkw)
                add_case(path, a, f'{dtype}-{layout}', bigtiff=True)
    # libtiff-written BigTIFF with LZW + predictor
    a = sample('uint16', 3)
    src = os.path.join(OUT, 'grid', 'uint16-stack-be-none.tif')
    path = os.path.join(OUT, 'bigtiff', 'uint16-stack-be-lzw-pred2.tif')
    tiffcp(src, path, ['-8', '-B', '-c', 'lzw:2', '-r', '5'])
    add_case(path, a, 'uint16-stack', bigtiff=True)

    # 4. ImageJ and OME metadata: voxel size and unit
    def imagej_expect(path):
        with tifffile.TiffFile(path) as tif:
            ij = tif.imagej_metadata
            page = tif.pages[0]
            xr = page.tags['XResolution'].value
            yr = page.tags['YResolution'].value
            axes = tif.series[0].axes
        unit = ij.get('unit')
        if unit is not None:
            unit = re.sub(r'\\u([0-9a-fA-F]{4})', lambda m: chr(int(m.group(1), 16)), unit)
        per = {'T': float(ij.get('finterval', 1)), 'Z': float(ij.get('spacing', 1)), 'C': 1.0,
               'Y': yr[1] / yr[0], 'X': xr[1] / xr[0]}
        return {'spacing': [per[ax] for ax in axes], 'unit': unit, 'axes': axes}

    def ome_expect(path):
        with tifffile.TiffFile(path) as tif:
            root = ET.fromstring(tif.ome_metadata)
            axes = tif.series[0].axes
        pixels = next(el for el in root.iter() if el.tag.endswith('Pixels'))
        at = pixels.attrib
        per = {'T': float(at.get('TimeIncrement', 1)), 'C': 1.0}
        for ax in 'XYZ':
            per[ax] = float(at.get(f'PhysicalSize{ax}', 1))
        return {'spacing': [per[ax] for ax in axes], 'unit': at.get('PhysicalSizeXUnit', 'µm'), 'axes': axes}

    meta_cases = [
        ('imagej-uint8-2d', 'uint8', 2, dict(imagej=True, resolution=(1 / 0.5, 1 / 0.25),
                                             metadata={'unit': 'um'}), imagej_expect),
        ('imagej-uint16-3d', 'uint16', 3, dict(imagej=True, resolution=(1 / 0.25, 1 / 0.5),
                                               metadata={'spacing': 2.5, 'unit': 'um', 'axes': 'ZYX'}), imagej_expect),
        ('imagej-float32-3d-micro', 'float32', 3, dict(imagej=True, resolution=(10, 10),
                                                       metadata={'spacing': 0.3, 'unit': '\\u00B5m', 'axes': 'ZYX'}), imagej_expect),
        ('imagej-float32-3d-deflate', 'float32', 3, dict(imagej=True, compression='zlib', resolution=(1 / 0.7, 1 / 0.7),
                                                         metadata={'spacing': 1.4, 'unit': 'micron', 'axes': 'ZYX'}), imagej_expect),
        ('ome-float32-3d', 'float32', 3, dict(ome=True, metadata={
            'axes': 'ZYX', 'PhysicalSizeX': 0.25, 'PhysicalSizeXUnit': 'µm', 'PhysicalSizeY': 0.5,
            'PhysicalSizeYUnit': 'µm', 'PhysicalSizeZ': 2.0, 'PhysicalSizeZUnit': 'µm'}), ome_expect),
        ('ome-uint16-3d-nm-bigendian', 'uint16', 3, dict(ome=True, byteorder='>', compression='zlib', metadata={
            'axes': 'ZYX', 'PhysicalSizeX': 650.0, 'PhysicalSizeXUnit': 'nm', 'PhysicalSizeY': 650.0,
            'PhysicalSizeYUnit': 'nm', 'PhysicalSizeZ': 1300.0, 'PhysicalSizeZUnit': 'nm'}), ome_expect),
        ('ome-int32-2d', 'int32', 2, dict(ome=True, metadata={
            'axes': 'YX', 'PhysicalSizeX': 1.5, 'PhysicalSizeY': 1.25}), ome_expect),
    ]
    for name, dtype, ndim, kw, expect in meta_cases:
        a = sample(dtype, ndim, seed=7)
        path = os.path.join(OUT, 'meta', f'{name}.tif')
        tifffile.imwrite(path, a, photometric='minisblack', **kw)
        add_case(path, a, f'{name}', **expect(path))
    # ImageJ hyperstack: Z, C, Y, X
    h = sample('uint16', 3, seed=9)
    h = np.stack([h, h[::-1]], axis=1)  # (3, 2, 17, 23)
    path = os.path.join(OUT, 'meta', 'imagej-uint16-zcyx.tif')
    tifffile.imwrite(path, h, imagej=True, resolution=(2, 4), metadata={'axes': 'ZCYX', 'spacing': 3, 'unit': 'um'})
    add_case(path, h, 'imagej-uint16-zcyx', **imagej_expect(path))

    # 5. colour: RGB and palette read as a channel on request, a typed error otherwise
    rgb = sample('uint8', 3, seed=11)[:, :, :, None].repeat(3, axis=3)
    rgb[..., 1] //= 2
    rgb[..., 2] = 255 - rgb[..., 2]
    rgb = rgb[0]  # (17, 23, 3)
    path = os.path.join(OUT, 'color', 'rgb-uint8.tif')
    tifffile.imwrite(path, rgb, photometric='rgb')
    got = tifffile.imread(path)
    assert same(got, rgb)
    manifest['color'] = [{'file': relative(path), 'kind': 'rgb', 'expected': expected_npy('rgb-uint8', got)}]
    idx = (sample('uint8', 2, seed=12) % 4).astype('uint8')
    cmap = np.zeros((3, 256), dtype='uint16')
    cmap[:, :4] = [[0, 65535, 0, 30000], [0, 0, 65535, 30000], [0, 0, 0, 65535]]
    path = os.path.join(OUT, 'color', 'palette-uint8.tif')
    tifffile.imwrite(path, idx, photometric='palette', colormap=cmap)
    got = tifffile.imread(path)  # tifffile returns the indices of a palette image
    assert same(got, idx)
    manifest['color'].append({'file': relative(path), 'kind': 'palette', 'expected': expected_npy('palette-index', got),
                              'colormap': cmap[:, :4].tolist()})

    # 6. bad files: each must be a typed error, raised before any large allocation
    def bad(name, data, error, note):
        path = os.path.join(OUT, 'bad', name)
        with open(path, 'wb') as f:
            f.write(data)
        try:
            tifffile.imread(path)
            tf = 'reads it'
        except Exception as e:  # what tifffile makes of it, for the record
            tf = f'{type(e).__name__}: {str(e)[:120]}'
        manifest['bad'].append({'file': relative(path), 'error': error, 'note': note, 'tifffile': tf,
                                'bytes': len(data)})

    def patch_tag(data, tag, value, page=0):
        with tifffile.TiffFile(tmp_path) as tif:
            t = tif.pages[page].tags[tag]
            fmt = tif.byteorder + ('H' if t.dtype == 3 else 'I')
            buf = bytearray(data)
            struct.pack_into(fmt, buf, t.valueoffset, value)
            return bytes(buf)

    a = sample('uint16', 3)
    tmp_path = os.path.join(tmp, 'plain.tif')
    tifffile.imwrite(tmp_path, a, photometric='minisblack', rowsperstrip=5)
    plain = open(tmp_path, 'rb').read()
    path = os.path.join(tmp, 'lzma.tif')
    tifffile.imwrite(path, a, photometric='minisblack', compression='lzma')
    bad('lzma-34925.tif', open(path, 'rb').read(), r'LZMA \(compression 34925\).*convert',
        'LZMA (34925): no well-kept pure-JS decoder of its xz streams; typed error that says how to convert')
    bad('unknown-compression.tif', patch_tag(plain, 'Compression', 50123), 'compression 50123, a code no TIFF',
        'compression code 50123 exists nowhere')
    page_path = os.path.join(tmp, 'page.tif')  # one page: its IFD first, then its strips
    tifffile.imwrite(page_path, a[0], photometric='minisblack', rowsperstrip=5)
    page = open(page_path, 'rb').read()
    bad('truncated-strips.tif', page[: len(page) - 150], r'strip 2 of page 0 \(230 bytes from byte \d+\) ends past the end of the file',
        'a one-page file with its last 150 bytes cut off: the last two strips end past the end of the file')
    with tifffile.TiffFile(tmp_path) as tif:
        off_at = tif.pages[0].tags['StripOffsets'].valueoffset  # where the first value lies
    buf = bytearray(plain)
    struct.pack_into('<I', buf, off_at, len(plain) + 5000)
    bad('strip-offset-past-eof.tif', bytes(buf), r'strip 0 of page 0 \(230 bytes from byte 8014\) ends past the end of the file \(3014 bytes\)', 'first strip offset = file size + 5000')
    tmp_path = page_path  # one page, so the claim is the only fault
    bad('more-columns.tif', patch_tag(page, 'ImageWidth', 40),
        r'strip 0 of page 0 holds 230 bytes, 40 x 17 uint16 needs 400',
        'ImageWidth 23 -> 40, strips unchanged: fewer bytes than the header claims')
    tifffile.imwrite(page_path, a[0], photometric='minisblack', rowsperstrip=5, compression='zlib')
    bad('more-columns-deflate.tif', patch_tag(open(page_path, 'rb').read(), 'ImageWidth', 40),
        r'strip 0 of page 0 decompresses to 230 bytes, the header \(40 x 17 uint16\) needs 400',
        'ImageWidth 23 -> 40 on Deflate strips: they inflate to fewer bytes')

    # 114 bytes: 8-byte header, one IFD of 8 entries, 4 bytes of pixels; claims 30000 x 30000
    entries = [(256, 4, 1, 30000), (257, 4, 1, 30000), (258, 3, 1, 8), (259, 3, 1, 1), (262, 3, 1, 1),
               (273, 4, 1, 110), (278, 4, 1, 30000), (279, 4, 1, 900_000_000)]
    ifd = struct.pack('<H', len(entries)) + b''.join(
        struct.pack('<HHI', t, ty, c) + (struct.pack('<HH', v, 0) if ty == 3 else struct.pack('<I', v))
        for t, ty, c, v in entries) + struct.pack('<I', 0)
    data = b'II*\x00' + struct.pack('<I', 8) + ifd + b'\x01\x02\x03\x04'
    assert len(data) == 114
    bad('claims-30000x30000-114-bytes.tif', data, r'\(900000000 bytes from byte 110\) ends past the end of the file \(114 bytes\)',
        '114 bytes that claim a 900 MB page (StripByteCounts 900,000,000)')

    # 326 bytes: one IFD whose next-IFD offset points to itself
    entries = [(256, 4, 1, 16), (257, 4, 1, 12), (258, 3, 1, 8), (259, 3, 1, 1), (262, 3, 1, 1),
               (273, 4, 1, 134), (277, 3, 1, 1), (278, 4, 1, 12), (279, 4, 1, 192), (284, 3, 1, 1)]
    ifd = struct.pack('<H', len(entries)) + b''.join(
        struct.pack('<HHI', t, ty, c) + (struct.pack('<HH', v, 0) if ty == 3 else struct.pack('<I', v))
        for t, ty, c, v in entries) + struct.pack('<I', 8)
    data = b'II*\x00' + struct.pack('<I', 8) + ifd + bytes(range(192))
    assert len(data) == 326
    bad('ifd-loop-326-bytes.tif', data, r'points back to the IFD at byte 8 \(a loop\)', 'the IFD chain points back to the first IFD')

    # ImageJ description claiming 100,000 images of 100,000 x 100,000 in one IFD (1e15 voxels)
    desc = b'ImageJ=1.11a\nimages=100000\nslices=100000\n\x00'
    entries = [(256, 4, 1, 100000), (257, 4, 1, 100000), (258, 3, 1, 8), (259, 3, 1, 1), (262, 3, 1, 1),
               (270, 2, len(desc), None), (273, 4, 1, None), (278, 4, 1, 100000), (279, 4, 1, 10_000_000_000 % 2**32)]
    n = len(entries)
    desc_at = 8 + 2 + 12 * n + 4
    data_at = desc_at + len(desc)
    ifd = struct.pack('<H', n)
    for t, ty, c, v in entries:
        v = desc_at if t == 270 else data_at if t == 273 else v
        ifd += struct.pack('<HHI', t, ty, c) + (struct.pack('<HH', v, 0) if ty == 3 else struct.pack('<I', v))
    ifd += struct.pack('<I', 0)
    data = b'II*\x00' + struct.pack('<I', 8) + ifd + desc + bytes(64)
    bad('claims-1e15-voxels-imagej.tif', data, r'images=100000 of 100000 x 100000 uint8 need 1000000000000\d+ bytes, the file has 228',
        'one IFD, ImageJ images=100000 of 100000 x 100000 uint8: 1e15 bytes claimed')
    header = "{'descr': '<u2', 'fortran_order': False, 'shape': (100000, 100000, 100000), }"
    header += ' ' * ((64 - (10 + len(header) + 1) % 64) % 64) + '\n'
    npy = b'\x93NUMPY\x01\x00' + struct.pack('<H', len(header)) + header.encode() + bytes(64)
    with open(os.path.join(OUT, 'bad', 'claims-1e15-voxels.npy'), 'wb') as f:
        f.write(npy)
    manifest['bad'].append({'file': 'bad/claims-1e15-voxels.npy', 'error': r'shape \(100000, 100000, 100000\) of 2-byte elements needs', 'bytes': len(npy),
                            'note': '.npy header claiming (100000, 100000, 100000) uint16'})

    # beside the corpus folder, as fixtures/*.json, which biome leaves as written
    with open(os.path.join(OUT, '..', 'tiff-manifest.json'), 'w') as f:
        json.dump(manifest, f, indent=1, allow_nan=False)
        f.write('\n')
    total = sum(os.path.getsize(os.path.join(d, n)) for d, _, ns in os.walk(OUT) for n in ns)
    print(f"{len(manifest['cases'])} cases, {len(manifest['bad'])} bad files, {total / 1e6:.2f} MB")


if __name__ == '__main__':
    main()
