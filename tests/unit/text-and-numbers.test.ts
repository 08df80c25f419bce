import { describe, expect, it } from 'vitest';
import { addDecimals, compareDecimals, parseDecimal, subtractDecimal } from '../../src/domain/decimal.js';
import { formatChange, formatCount, formatDateTime, formatDecimal, formatPercent } from '../../src/domain/format.js';
import { cleanText, fold, foldWords } from '../../src/domain/text.js';
import { inferUnitKind, unitNameKey } from '../../src/domain/units.js';

describe('folding', () => {
  it('removes diacritics, đ and Đ included', () => {
    expect(fold('Điểm tháng Hai')).toBe('diem thang hai');
    expect(fold('Phường Đống Đa – Thị trấn Ứng Hòa')).toBe('phuong dong da – thi tran ung hoa');
    expect(fold('ĐẶC KHU Phú Quốc')).toBe('dac khu phu quoc');
  });

  it('treats decomposed (NFD) text like composed text', () => {
    const nfd = 'Bần Yên Nhân'.normalize('NFD');
    expect(fold(nfd)).toBe('ban yen nhan');
    expect(cleanText(nfd)).toBe('Bần Yên Nhân');
  });

  it('reduces punctuation to spaces', () => {
    expect(foldWords('P. Bần-Yên  Nhân!')).toBe('p ban yen nhan');
  });

  it('drops zero-width characters (U+200B–U+200D, U+2060, U+FEFF) that a paste carries along', () => {
    const pasted = '\uFEFFPhường Bầ\u200Bn Y\u200Cên\u200D Nh\u2060ân';
    expect(fold(pasted)).toBe('phuong ban yen nhan');
    expect(foldWords(pasted)).toBe('phuong ban yen nhan');
    expect(cleanText(pasted)).toBe('Phường Bần Yên Nhân');
    expect(unitNameKey(pasted)).toBe('ban yen nhan');
  });
});

describe('numbers the Vietnamese way', () => {
  it('formats decimals with a comma and thousands with a dot', () => {
    expect(formatDecimal('91.34')).toBe('91,34');
    expect(formatDecimal('9.6')).toBe('9,6');
    expect(formatDecimal('18')).toBe('18');
    expect(formatDecimal('144625')).toBe('144.625');
    expect(formatPercent('82.41')).toBe('82,41%');
    expect(formatCount('03')).toBe('03');
    expect(formatCount('2348')).toBe('2.348');
  });

  it('shows changes with arrows', () => {
    expect(formatChange('2.15')).toBe('↑ 2,15');
    expect(formatChange('-0.4')).toBe('↓ 0,4');
    expect(formatChange('0')).toBe('= 0');
  });

  it('reads numbers with commas or dots exactly', () => {
    expect(parseDecimal('91,34')).toBe('91.34');
    expect(parseDecimal('91.34')).toBe('91.34');
    expect(parseDecimal('01')).toBe('1');
    expect(parseDecimal('2.348', { thousands: true })).toBe('2348');
    expect(parseDecimal('abc')).toBeNull();
  });

  it('adds and subtracts without floating point error', () => {
    expect(addDecimals(['7.96', '15.81', '6.48', '6.69', '8.68', '17.26'])).toBe('62.88');
    expect(subtractDecimal('91.34', '89.19')).toBe('2.15');
    expect(subtractDecimal('80.1', '80.3')).toBe('-0.2');
    expect(compareDecimals('90', '89.99')).toBe(1);
    expect(compareDecimals('90.0', '90')).toBe(0);
  });

  it('formats times in Vietnam time whatever the process zone', () => {
    expect(formatDateTime(new Date('2026-11-29T17:30:00Z'))).toBe('00:30 30/11/2026');
  });
});

describe('unit names', () => {
  it('gives one key to the loose ways of naming a unit', () => {
    for (const name of ['Bần Yên Nhân', 'phuong ban yen nhan', 'P. Bần Yên Nhân', 'UBND phường Bần Yên Nhân']) {
      expect(unitNameKey(name)).toBe('ban yen nhan');
    }
    expect(unitNameKey('UBND xã Lâm Thao - Tỉnh Phú Thọ')).toBe('lam thao');
    expect(unitNameKey('thị xã Mỹ Hào')).toBe('my hao');
    expect(unitNameKey('TX. Mỹ Hào')).toBe('my hao');
    expect(unitNameKey('Sở Công Thương - Tỉnh Phú Thọ')).toBe('so cong thuong');
  });

  it('infers the kind from the name, thị xã before xã', () => {
    expect(inferUnitKind('thị xã Mỹ Hào')).toBe('huyen');
    expect(inferUnitKind('UBND xã Lâm Thao - Tỉnh Phú Thọ')).toBe('xa');
    expect(inferUnitKind('UBND Phường Việt Trì')).toBe('phuong');
    expect(inferUnitKind('UBND tỉnh Phú Thọ')).toBe('tinh');
    expect(inferUnitKind('Văn phòng UBND Tỉnh - Tỉnh Phú Thọ', 'PROVINCE')).toBe('so-nganh');
  });
});
