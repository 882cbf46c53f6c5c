import { describe, expect, it } from 'vitest';
import { decodeEntities, readXmlDocument, XmlRefusal } from '../../../../mock-server/cap/readXmlDocument';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('readXmlDocument', () => {
  it('resolves namespaces, including prefixed and redeclared ones', () => {
    const root = readXmlDocument(bytes('<a xmlns="urn:a" xmlns:b="urn:b"><b:c>1</b:c><d xmlns="urn:d"><e/></d><f/></a>'));
    expect(root.ns).toBe('urn:a');
    expect(root.children.map((c) => [c.ns, c.name])).toEqual([['urn:b', 'c'], ['urn:d', 'd'], ['urn:a', 'f']]);
    expect(root.children[1]!.children[0]!.ns).toBe('urn:d');
  });

  it("decodes XML's own entities and character references, and refuses any other", () => {
    expect(readXmlDocument(bytes('<a>x &amp; y &lt; z &#65;&#x42;</a>')).text).toBe('x & y < z AB');
    expect(() => decodeEntities('&xxe;')).toThrow(XmlRefusal);
    expect(() => readXmlDocument(bytes('<a>&xxe;</a>'))).toThrow(/entity &xxe; is not defined/);
  });

  it('refuses a DOCTYPE before parsing, even an internal one with no external part', () => {
    expect(() => readXmlDocument(bytes('<?xml version="1.0"?><!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>'))).toThrow(/DOCTYPE/);
  });

  it('decodes ISO-8859-1 as the prolog declares, and refuses bytes that are not the UTF-8 they claim', () => {
    const latin1 = Uint8Array.from([...bytes('<?xml version="1.0" encoding="ISO-8859-1"?><a>'), 0xe9, ...bytes('</a>')]);
    expect(readXmlDocument(latin1).text).toBe('é');
    expect(() => readXmlDocument(Uint8Array.from([...bytes('<a>'), 0xe9, ...bytes('</a>')]))).toThrow(/not valid UTF-8/);
    expect(() => readXmlDocument(bytes('<?xml version="1.0" encoding="Shift_JIS"?><a/>'))).toThrow(/shift_jis is not read/);
  });

  it('refuses XML that is not well-formed, naming the line', () => {
    expect(() => readXmlDocument(bytes('<a>\n<b></a>'))).toThrow(/not well-formed: .*\(line 2\)/);
    expect(() => readXmlDocument(bytes('<x:a/>'))).toThrow(/prefix x: .* not declared/);
  });
});
