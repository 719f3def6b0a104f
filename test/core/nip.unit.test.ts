import { parseNip, validateNip } from '@bangkom/core';

// PNS: born 1985-01-01, TMT CPNS 2010-01, man, sequence 001
const PNS = '198501012010011001';
// PPPK: born 1990-01-01, appointed 2023, 2 + 1, woman, sequence 001
const PPPK = '199001012023212001';

describe('parseNip', () => {
  it('splits both shapes', () => {
    expect(parseNip(PNS)).toEqual({
      jenis: 'PNS',
      lahir: '1985-01-01',
      pengangkatan: '2010-01',
      gender: 1,
      urut: '001',
    });
    expect(parseNip(PPPK)).toEqual({
      jenis: 'PPPK',
      lahir: '1990-01-01',
      pengangkatan: '2023',
      gender: 2,
      urut: '001',
    });
  });
  it('tells the shapes apart by digits 13–14 (01–12 PNS, 21–29 PPPK; disjoint)', () => {
    expect(parseNip('198501012010121001')?.jenis).toBe('PNS');
    expect(parseNip('198501012010291001')?.jenis).toBe('PPPK');
    for (const d of ['00', '13', '20', '30', '99']) expect(parseNip(`198501012010${d}1001`)).toBeUndefined();
    expect(parseNip('12345')).toBeUndefined();
  });
});

describe('validateNip', () => {
  it('accepts valid NIPs of the matching Jenis ASN', () => {
    expect(validateNip(PNS, 'PNS')).toEqual([]);
    expect(validateNip(PPPK, 'PPPK')).toEqual([]);
    expect(validateNip(PNS)).toEqual([]);
  });
  it('requires 18 digits', () => {
    expect(validateNip('19850101')).toEqual(['NIP harus 18 digit angka']);
  });
  it('reports a malformed digits 13–14', () => {
    expect(validateNip('198501012010131001')).toEqual([
      'NIP: digit 13–14 ("13") harus bulan TMT CPNS 01–12 (PNS) atau 21–29 (PPPK: angka 2 lalu 1–9)',
    ]);
  });
  it('requires a real birth date', () => {
    expect(validateNip('198502302010011001')).toEqual([
      'NIP: tanggal lahir (digit 1–8) "19850230" bukan tanggal yang valid',
    ]);
  });
  it('requires TMT CPNS at or after the 18th birthday month', () => {
    expect(validateNip('198505202003041001')).toEqual([
      'NIP: TMT CPNS 2003-04 sebelum pegawai berusia 18 tahun (lahir 1985-05-20)',
    ]);
    expect(validateNip('198505202003051001')).toEqual([]); // the birthday month itself is accepted
  });
  it('requires the PPPK appointment year at or after the 18th birthday year', () => {
    expect(validateNip('200501012022212001')).toEqual([
      'NIP: tahun pengangkatan PPPK 2022 sebelum pegawai berusia 18 tahun (lahir 2005-01-01)',
    ]);
    expect(validateNip('200501012023212001')).toEqual([]);
  });
  it('checks gender and sequence', () => {
    expect(validateNip('198501012010013001')).toEqual([
      'NIP: kode jenis kelamin (digit 15) harus 1 atau 2, bukan 3',
    ]);
    expect(validateNip('198501012010011000')).toEqual(['NIP: nomor urut (digit 16–18) tidak boleh 000']);
  });
  it('reports a NIP whose shape disagrees with Jenis ASN', () => {
    expect(validateNip(PPPK, 'PNS')).toEqual(['NIP berbentuk PPPK tidak sesuai dengan Jenis ASN PNS']);
    expect(validateNip(PNS, 'PPPK')).toEqual(['NIP berbentuk PNS tidak sesuai dengan Jenis ASN PPPK']);
  });
  it('lists every problem at once', () => {
    expect(validateNip('198502302010013000', 'PPPK')).toHaveLength(4);
  });
});
