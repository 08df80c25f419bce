/**
 * The 34 provinces and cities since July 2025, as the portal would name and code them: Phú Thọ is the
 * portal's H44 (samples/portal/2026-08/); the others' codes are not known here and take H11…H43.
 */
const NAMES: readonly { name: string; city: boolean }[] = [
  { name: 'Phú Thọ', city: false },
  { name: 'Hà Nội', city: true },
  { name: 'Huế', city: true },
  { name: 'Hải Phòng', city: true },
  { name: 'Đà Nẵng', city: true },
  { name: 'Hồ Chí Minh', city: true },
  { name: 'Cần Thơ', city: true },
  { name: 'Lai Châu', city: false },
  { name: 'Điện Biên', city: false },
  { name: 'Sơn La', city: false },
  { name: 'Lạng Sơn', city: false },
  { name: 'Quảng Ninh', city: false },
  { name: 'Thanh Hóa', city: false },
  { name: 'Nghệ An', city: false },
  { name: 'Hà Tĩnh', city: false },
  { name: 'Cao Bằng', city: false },
  { name: 'Tuyên Quang', city: false },
  { name: 'Lào Cai', city: false },
  { name: 'Thái Nguyên', city: false },
  { name: 'Bắc Ninh', city: false },
  { name: 'Hưng Yên', city: false },
  { name: 'Ninh Bình', city: false },
  { name: 'Quảng Trị', city: false },
  { name: 'Quảng Ngãi', city: false },
  { name: 'Gia Lai', city: false },
  { name: 'Khánh Hòa', city: false },
  { name: 'Lâm Đồng', city: false },
  { name: 'Đắk Lắk', city: false },
  { name: 'Đồng Nai', city: false },
  { name: 'Tây Ninh', city: false },
  { name: 'Vĩnh Long', city: false },
  { name: 'Đồng Tháp', city: false },
  { name: 'Cà Mau', city: false },
  { name: 'An Giang', city: false },
];

export interface Province {
  name: string;
  city: boolean;
  /** "UBND tỉnh Phú Thọ", "UBND thành phố Hà Nội". */
  fullName: string;
  code: string;
}

export const PROVINCES: readonly Province[] = NAMES.map((p, i) => ({
  ...p,
  fullName: `UBND ${p.city ? 'thành phố' : 'tỉnh'} ${p.name}`,
  code: i === 0 ? 'H44' : `H${i + 10}`,
}));
