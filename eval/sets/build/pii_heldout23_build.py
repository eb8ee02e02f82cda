#!/usr/bin/env python3
"""Build pii_citizen_heldout23.jsonl from the marker texts in pii_heldout23_texts_[abcd].py."""
import json, re, sys, os
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from pii_heldout23_texts_a import TEXTS as A
from pii_heldout23_texts_b import TEXTS as B
from pii_heldout23_texts_c import TEXTS as C
from pii_heldout23_texts_d import TEXTS as D

ALIAS = {'n': 'name', 'p': 'phone', 'a': 'address', 'b': 'birth_date', 'r': 'rrn', 'e': 'email',
         'ac': 'account', 'c': 'card', 'pp': 'passport', 'dl': 'driver_license', 'pl': 'plate',
         'arn': 'arn', 'brn': 'brn', 'ip': 'ip'}
TYPES = set(ALIAS.values())
MARK = re.compile(r'⟦([a-z_]+):(.*?)⟧|⟪([a-z_]+):(.*?)⟫', re.S)
WRONG_OK = set()  # ids whose wrong (corrected) numbers may fail the check

def parse(raw):
    raw = raw.strip('\n')
    out, spans, keep, pos = [], [], [], 0
    n = 0
    for m in MARK.finditer(raw):
        out.append(raw[pos:m.start()]); n += len(raw[pos:m.start()])
        if m.group(1) is not None:
            t, v = m.group(1), m.group(2)
            typ = ALIAS.get(t, t)
            spans.append({'type': typ, 'start': n, 'end': n + len(v)})
        else:
            t, v = m.group(3), m.group(4)
            keep.append({'what': t, 'start': n, 'end': n + len(v)})
        out.append(v); n += len(v); pos = m.end()
    out.append(raw[pos:])
    return ''.join(out), spans, keep

def rrn_ok(d, arn=False):
    w = [2,3,4,5,6,7,8,9,2,3,4,5]
    s = sum(int(a)*b for a, b in zip(d[:12], w))
    c = ((13 if arn else 11) - s % 11) % 10
    return c == int(d[12])

def brn_ok(d):
    w = [1,3,7,1,3,7,1,3,5]
    s = sum(int(a)*b for a, b in zip(d[:9], w)) + (5*int(d[8]))//10
    return (10 - s % 10) % 10 == int(d[9])

def luhn_ok(d):
    s = 0
    for i, ch in enumerate(reversed(d)):
        x = int(ch)
        if i % 2 == 1:
            x *= 2
            if x > 9: x -= 9
        s += x
    return s % 10 == 0

def check_digits(tid, text, spans):
    msgs = []
    for s in spans:
        v = text[s['start']:s['end']]
        if s['type'] in ('rrn', 'arn', 'brn', 'card'):
            if not re.fullmatch(r'[0-9 \-.\n]+', v):
                continue  # masked / Hangul / other
            d = re.sub(r'\D', '', v)
            if s['type'] in ('rrn', 'arn'):
                if len(d) == 13:
                    g = int(d[6])
                    if s['type'] == 'rrn' and g not in (1,2,3,4,9,0):
                        msgs.append(f'{tid}: rrn with foreign gender digit {v!r}')
                    if s['type'] == 'arn' and g not in (5,6,7,8):
                        msgs.append(f'{tid}: arn with citizen gender digit {v!r}')
                    if not rrn_ok(d, s['type'] == 'arn'):
                        msgs.append(f'{tid}: {s["type"]} check digit fails {v!r}')
                elif len(d) not in (6, 7):
                    msgs.append(f'{tid}: {s["type"]} digit count {len(d)} {v!r}')
            elif s['type'] == 'brn':
                if len(d) == 10 and not brn_ok(d):
                    msgs.append(f'{tid}: brn check fails {v!r}')
            elif s['type'] == 'card':
                if len(d) in (15, 16) and not luhn_ok(d):
                    msgs.append(f'{tid}: card Luhn fails {v!r}')
    return msgs

def validate(rec):
    errs = []
    text = rec['text']
    if '⟦' in text or '⟧' in text or '⟪' in text or '⟫' in text:
        errs.append('marker characters left')
    items = []
    for s in rec['spans']:
        if s['type'] not in TYPES: errs.append(f'bad type {s["type"]}')
        items.append((s['start'], s['end'], 'span ' + s['type']))
    for k in rec['keep']:
        if not re.fullmatch(r'[a-z_]+', k['what']): errs.append(f'bad keep label {k["what"]}')
        items.append((k['start'], k['end'], 'keep ' + k['what']))
    for a, b, lab in items:
        v = text[a:b]
        if not v: errs.append(f'empty {lab}')
        elif v != v.strip(): errs.append(f'whitespace around {lab} {v!r}')
    items.sort()
    for (a1, b1, l1), (a2, b2, l2) in zip(items, items[1:]):
        if a2 < b1: errs.append(f'overlap {l1} / {l2}')
    return errs

def main():
    verbose = '-v' in sys.argv
    allt = A + B + C + D
    recs, errors, warns = [], [], []
    for i, (tid, raw) in enumerate(allt, 1):
        exp = f'c23-{i:03d}'
        if tid != exp: errors.append(f'id sequence: got {tid}, expected {exp}')
        text, spans, keep = parse(raw)
        rec = {'id': tid, 'text': text, 'spans': spans, 'keep': keep}
        errors += [f'{tid}: {e}' for e in validate(rec)]
        for m in check_digits(tid, text, spans):
            warns.append(('note ' if tid in WRONG_OK else '') + m)
        recs.append(rec)
    if len(recs) != 110: errors.append(f'{len(recs)} texts, expected 110')
    out = os.path.join(HERE, 'pii_citizen_heldout23.jsonl')
    with open(out, 'w', encoding='utf-8') as f:
        for r in recs: f.write(json.dumps(r, ensure_ascii=False) + '\n')
    back = [json.loads(l) for l in open(out, encoding='utf-8')]
    if back != recs: errors.append('re-read differs')
    for r in back: errors += [f'{r["id"]} (re-read): {e}' for e in validate(r)]
    from collections import Counter
    sc, kc = Counter(), Counter()
    nopii = []
    for r in back:
        for s in r['spans']: sc[s['type']] += 1
        for k in r['keep']: kc[k['what']] += 1
        if not r['spans']: nopii.append(r['id'][4:])
        if verbose:
            print(r['id'])
            for s in r['spans']: print('   span', s['type'], repr(r['text'][s['start']:s['end']]))
            for k in r['keep']: print('   keep', k['what'], repr(r['text'][k['start']:k['end']]))
    for w in warns: print('WARN', w)
    for e in errors: print('ERROR', e)
    print(f'texts {len(back)}, chars {sum(len(r["text"]) for r in back)}')
    print('spans', sum(sc.values()), dict(sc.most_common()))
    print('keep', sum(kc.values()), 'in', sum(1 for r in back if r['keep']), 'texts', dict(kc.most_common()))
    print(f'no-PII {len(nopii)}:', ' '.join(nopii))
    sys.exit(1 if errors else 0)

if __name__ == '__main__':
    main()
