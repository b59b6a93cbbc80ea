#!/usr/bin/env bash
# Issue 15 augmentation check and class grid: a class-conditional VAE trained on the 60,000 labelled Fashion-MNIST
# training images (labels CSV written from the IDX labels), 100 generated images per class, and logistic regression on
# 10 real images per class with and without them (bench/cvae_augmentation.py, Debian's python3-sklearn and
# python3-tifffile); 8 samples per class (seed 1) to docs/cvae-classes.png. Training holds /tmp/bench.lock.
source "$(dirname "$0")/common.sh"
DATA="$DATA_ROOT/fashion-mnist"
OUT=bench/out/cvae-augmentation
mkdir -p "$OUT/generated"
EPOCHS="${1:-3}"
/usr/bin/python3 - "$DATA" "$OUT/train-labels.csv" <<'PY'
import gzip, sys
names = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot']
labels = gzip.open(sys.argv[1] + '/train-labels-idx1-ubyte.gz').read()[8:]
with open(sys.argv[2], 'w') as f:
    f.write('label\n' + ''.join('"%s"\n' % names[b] for b in labels))
PY
fiji() { java -Xmx6g -Djava.awt.headless=true -cp "$CP" sc.fiji.autoencoders.cli.Main "$@" 2>&1 | grep -v '^I0000\|^WARNING: All log\|^20..-..-\|^To enable the following'; }
export -f fiji
export CP
{
  echo "# $(date -u +%FT%TZ) $(uname -n), $(nproc) cores; uptime before: $(uptime)"
  flock /tmp/bench.lock bash -c "fiji train-vae --images '$DATA/train-images-idx3-ubyte.gz' --labels-file '$OUT/train-labels.csv' \
    --epochs $EPOCHS --minutes 0 --out '$OUT/cvae.aemodel'"
  echo "uptime after: $(uptime)"
  for c in "T-shirt/top" Trouser Pullover Dress Coat Sandal Shirt Sneaker Bag "Ankle boot"; do
    f=$(echo "$c" | tr '/ ' '__')
    fiji generate --model "$OUT/cvae.aemodel" --count 100 --seed 7 --label "$c" --output "$OUT/generated/$f.tif"
    fiji generate --model "$OUT/cvae.aemodel" --count 8 --seed 1 --label "$c" --output "$OUT/grid-$f.tif"
  done
  /usr/bin/python3 bench/cvae_augmentation.py "$DATA" "$OUT/generated"
} 2>&1 | tee bench/results/cvae-augmentation.txt
