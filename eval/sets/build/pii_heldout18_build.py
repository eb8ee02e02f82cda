#!/usr/bin/env python3
"""Build pii_citizen_heldout18.jsonl from the marker text modules _a.._d."""
import json, re, sys, os
from collections import Counter
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import pii_heldout18_texts_a as A, pii_heldout18_texts_b as B, pii_heldout18_texts_c as C, pii_heldout18_texts_d as D

ALIAS = {'n': 'name', 'p': 'phone', 'a': 'address', 'pl': 'plate', 'b': 'birth_date', 'r': 'rrn', 'e': 'email',
         'ac': 'account', 'c': 'card', 'pp': 'passport', 'dl': 'driver_license'}
TYPES = {'name', 'phone', 'address', 'birth_date', 'rrn', 'email', 'account', 'card', 'passport', 'driver_license',
         'arn', 'brn', 'ip', 'plate'}
MARK = re.compile(r'⟦([a-z_]+):([^⟦⟧⟪⟫]*)⟧|⟪([a-z_]+):([^⟦⟧⟪⟫]*)⟫')
OUT = os.path.join(HERE, 'pii_citizen_heldout18.jsonl')

def parse(src):
    out, spans, keep, pos = [], [], [], 0
    n = 0
    for m in MARK.finditer(src):
        out.append(src[pos:m.start()]); n += len(src[pos:m.start()])
        if m.group(1):
            t = ALIAS.get(m.group(1), m.group(1)); v = m.group(2)
            spans.append({'type': t, 'start': n, 'end': n + len(v)})
        else:
            v = m.group(4); keep.append({'what': m.group(3), 'start': n, 'end': n + len(v)})
        out.append(v); n += len(v); pos = m.end()
    out.append(src[pos:])
    return ''.join(out), spans, keep

def digits(s): return [int(ch) for ch in s if ch.isdigit()]
def rrn_ok(d, foreign):
    s = sum(x * w for x, w in zip(d[:12], [2,3,4,5,6,7,8,9,2,3,4,5]))
    return d[12] == ((13 if foreign else 11) - s % 11) % 10
def brn_ok(d):
    s = sum(x * w for x, w in zip(d[:9], [1,3,7,1,3,7,1,3,5])) + (d[8] * 5) // 10
    return d[9] == (10 - s % 10) % 10
def luhn_ok(d):
    t = 0
    for i, x in enumerate(reversed(d)):
        if i % 2: x = x * 2 - 9 if x * 2 > 9 else x * 2
        t += x
    return t % 10 == 0

def check(rec, src=None):
    errs, warns = [], []
    text = rec['text']
    if any(ch in text for ch in '⟦⟧⟪⟫'): errs.append('stray marker')
    items = [(s['start'], s['end'], 'span', s['type']) for s in rec['spans']] + \
            [(k['start'], k['end'], 'keep', k['what']) for k in rec['keep']]
    for st, en, kind, lab in items:
        v = text[st:en]
        if not v or v != v.strip(): errs.append(f'bad value {kind} {lab} {v!r}')
        if kind == 'span' and lab not in TYPES: errs.append(f'bad type {lab}')
        if kind == 'keep' and not re.fullmatch(r'[a-z_]+', lab): errs.append(f'bad keep label {lab}')
    items.sort()
    for a, b in zip(items, items[1:]):
        if b[0] < a[1]: errs.append(f'overlap {a} {b}')
    for s in rec['spans']:
        v = text[s['start']:s['end']]; d = digits(v)
        if '*' in v or not re.fullmatch(r'[0-9 \-.]+', v): continue
        if s['type'] == 'rrn' and len(d) == 13 and not rrn_ok(d, d[6] >= 5): warns.append(f'rrn check {v}')
        if s['type'] == 'arn' and len(d) == 13 and not rrn_ok(d, d[6] >= 5): warns.append(f'arn check {v}')
        if s['type'] == 'brn' and len(d) == 10 and not brn_ok(d): warns.append(f'brn check {v}')
        if s['type'] == 'card' and len(d) in (15, 16) and not luhn_ok(d): warns.append(f'card check {v}')
    return errs, warns

def main():
    verbose = '-v' in sys.argv
    srcs = A.TEXTS + B.TEXTS + C.TEXTS + D.TEXTS
    recs, bad = [], 0
    allow_bad = set(getattr(A, 'WRONG_OK', [])) | set(getattr(B, 'WRONG_OK', [])) | set(getattr(C, 'WRONG_OK', [])) | set(getattr(D, 'WRONG_OK', []))
    for i, src in enumerate(srcs, 1):
        src = src.strip("\n")
        text, spans, keep = parse(src)
        rec = {'id': f'c18-{i:03d}', 'text': text, 'spans': spans, 'keep': keep}
        errs, warns = check(rec)
        for e in errs: print('ERROR', rec['id'], e); bad += 1
        for w in warns:
            if rec['id'] in allow_bad: print('note (intended wrong number)', rec['id'], w)
            else: print('WARNING', rec['id'], w)
        recs.append(rec)
    with open(OUT, 'w', encoding='utf-8') as f:
        for r in recs: f.write(json.dumps(r, ensure_ascii=False) + '\n')
    back = [json.loads(l) for l in open(OUT, encoding='utf-8')]
    assert back == recs, 're-read mismatch'
    for r in back:
        e, _ = check(r); assert not e, (r['id'], e)
    ids = [r['id'] for r in back]; assert len(set(ids)) == len(ids)
    ct = Counter(s['type'] for r in back for s in r['spans'])
    kt = Counter(k['what'] for r in back for k in r['keep'])
    nopii = [r['id'] for r in back if not r['spans']]
    print(f'texts {len(back)}, chars {sum(len(r["text"]) for r in back)}, errors {bad}')
    for t, c in ct.most_common(): print(f'  {t:15s} {c}')
    print('  total', sum(ct.values()))
    print('keep', sum(kt.values()), dict(kt.most_common()))
    print('no-PII', len(nopii), ' '.join(x[4:] for x in nopii))
    if verbose:
        for r in back:
            print(r['id'], [(s['type'], r['text'][s['start']:s['end']]) for s in r['spans']],
                  [(k['what'], r['text'][k['start']:k['end']]) for k in r['keep']])
    return 1 if bad else 0

if __name__ == '__main__':
    sys.exit(main())
