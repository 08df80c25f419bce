/**
 * The index (Bộ chỉ số 766) as versioned data: a changed decision is a new version here, not new code.
 * Group keys are the portal's own codes (`groupScores` in its API). Aliases are folded words people
 * and letters use for a group or a sub-criterion.
 */

export type GroupKey = 'CKMB' | 'TDGQ' | 'CLGQ' | 'TTTT' | 'CCDVTT' | 'MDHL' | 'MDSH';

export interface Criterion {
  code: string;
  number: string;
  name: string;
  max: string | null;
  aliases: string[];
}

export interface Group {
  key: GroupKey;
  name: string;
  max: string;
  aliases: string[];
  criteria: Criterion[];
}

export interface Framework {
  version: string;
  title: string;
  total: string;
  groups: Group[];
}

const ckmb: Group = {
  key: 'CKMB',
  name: 'Công khai, minh bạch',
  max: '18',
  aliases: ['cong khai minh bach', 'cong khai', 'minh bach', 'ckmb'],
  criteria: [
    { code: 'PUBLISH_ON_TIME', number: '1.1', name: 'TTHC công bố đúng hạn', max: '6', aliases: ['cong bo dung han'] },
    { code: 'PUBLIC_UPDATE_ON_TIME', number: '1.2', name: 'TTHC cập nhật, công khai đúng hạn', max: '4', aliases: ['cong khai dung han'] },
    { code: 'PUBLIC_CONTENT_FULL', number: '1.3', name: 'TTHC công khai đầy đủ nội dung', max: '2', aliases: ['cong khai day du'] },
    { code: 'DOSSIER_SYNC', number: '1.4', name: 'Hồ sơ đồng bộ lên Cổng DVCQG', max: '6', aliases: ['dong bo'] },
  ],
};

const tdgq: Group = {
  key: 'TDGQ',
  name: 'Tiến độ giải quyết',
  max: '20',
  aliases: ['tien do giai quyet', 'tien do', 'tdgq'],
  criteria: [
    { code: 'ON_TIME', number: '2.1', name: 'Hồ sơ xử lý trước hạn, đúng hạn', max: '20', aliases: ['dung han', 'truoc han'] },
  ],
};

const clgq: Group = {
  key: 'CLGQ',
  name: 'Dịch vụ công trực tuyến',
  max: '12',
  aliases: ['dich vu cong truc tuyen', 'dvc truc tuyen', 'dvctt', 'dich vu cong'],
  criteria: [],
};

const tttt: Group = {
  key: 'TTTT',
  name: 'Thanh toán trực tuyến',
  max: '10',
  aliases: ['thanh toan truc tuyen', 'thanh toan', 'tttt'],
  criteria: [
    { code: 'ONLINE_PAYMENT_DOSSIER', number: '3.6', name: 'Hồ sơ thanh toán trực tuyến', max: '6', aliases: ['ho so thanh toan'] },
    { code: 'ONLINE_PAYMENT_FORMALITY', number: '3.5b', name: 'TTHC có giao dịch thanh toán trực tuyến', max: '2', aliases: ['giao dich thanh toan'] },
    { code: 'PAYMENT_FEE_FORMALITY', number: '3.5a', name: 'TTHC có nghĩa vụ tài chính phát sinh hồ sơ thanh toán', max: '2', aliases: ['nghia vu tai chinh'] },
  ],
};

const mdhl: Group = {
  key: 'MDHL',
  name: 'Mức độ hài lòng',
  max: '18',
  aliases: ['muc do hai long', 'hai long', 'mdhl'],
  criteria: [
    { code: 'PETITION_PROCESSING_ON_TIME', number: '5.2', name: 'PAKN xử lý đúng hạn', max: '6', aliases: ['pakn dung han'] },
    { code: 'PETITION_HANDLING_SATISFACTION', number: '5.3', name: 'Hài lòng trong xử lý PAKN', max: '6', aliases: ['hai long pakn'] },
    { code: 'DOSSIER_RECEIVING_SATISFACTION', number: '5.4', name: 'Hài lòng trong tiếp nhận, giải quyết TTHC', max: '6', aliases: ['hai long tiep nhan'] },
    { code: 'PETITION_CLASSIFICATION_TTHC', number: '5.1a', name: 'PAKN về quy định, TTHC (theo dõi)', max: '0', aliases: [] },
    { code: 'PETITION_CLASSIFICATION_STAFF', number: '5.1b', name: 'PAKN về hành vi cán bộ (theo dõi)', max: '0', aliases: [] },
  ],
};

const mdsh: Group = {
  key: 'MDSH',
  name: 'Số hóa hồ sơ',
  max: '22',
  aliases: ['so hoa ho so', 'so hoa', 'mdsh'],
  criteria: [
    { code: 'ORIGINAL_RESULT_AVAILABLE', number: '4.1', name: 'Hồ sơ có cấp kết quả giải quyết điện tử', max: '6', aliases: ['ket qua dien tu', 'cap ket qua dien tu'] },
    { code: 'SO_HOA_GIAY_TO_GIAI_QUYET', number: '4.2', name: 'Hồ sơ thực hiện số hóa hồ sơ', max: '4', aliases: ['so hoa ho so ket qua', 'thuc hien so hoa', 'so hoa ho so'] },
    { code: 'ELECTRONIC_CERTIFIED_COPY', number: '4.6', name: 'Chứng thực bản sao điện tử từ bản chính', max: '2', aliases: ['chung thuc'] },
    { code: 'REUSED_DIGITIZED_DATA', number: '4.3', name: 'Hồ sơ khai thác, sử dụng lại dữ liệu số hóa', max: '2', aliases: ['khai thac', 'su dung lai', 'tai su dung'] },
    { code: 'SYNCED_WITH_DVCQG_PERSONAL_STORAGE', number: '4.4', name: 'Hồ sơ số hóa có kết nối, chia sẻ phục vụ tái sử dụng', max: '4', aliases: ['kho du lieu ca nhan', 'chia se du lieu'] },
    { code: 'CITIZEN_DATA_CONNECTED_DOSSIER', number: '4.5b', name: 'Hồ sơ sử dụng thông tin, dữ liệu dân cư', max: '2', aliases: ['du lieu dan cu'] },
    { code: 'CITIZEN_DATA_CONNECTED_FORMALITY', number: '4.5a', name: 'TTHC kết nối, chia sẻ dữ liệu dân cư', max: '2', aliases: ['ket noi du lieu dan cu'] },
  ],
};

/** The portal's scheme since 2024: DVC trực tuyến 12 and Thanh toán trực tuyến 10 as two groups. */
export const FRAMEWORK_2024: Framework = {
  version: '766-2024',
  title: 'Bộ chỉ số 766 (6 nhóm)',
  total: '100',
  groups: [ckmb, tdgq, clgq, tttt, mdhl, mdsh],
};

/** The decision's original five groups, still used by some letters: one "Cung cấp dịch vụ trực tuyến" out of 22. */
export const FRAMEWORK_2022: Framework = {
  version: '766-2022',
  title: 'Bộ chỉ số 766 (5 nhóm)',
  total: '100',
  groups: [
    ckmb,
    tdgq,
    {
      key: 'CCDVTT',
      name: 'Cung cấp dịch vụ trực tuyến',
      max: '22',
      aliases: ['cung cap dich vu truc tuyen', 'dich vu truc tuyen'],
      criteria: [...tttt.criteria],
    },
    mdhl,
    mdsh,
  ],
};

export const FRAMEWORKS: readonly Framework[] = [FRAMEWORK_2024, FRAMEWORK_2022];
export const CURRENT_FRAMEWORK = FRAMEWORK_2024;

export function frameworkByVersion(version: string): Framework {
  const found = FRAMEWORKS.find((f) => f.version === version);
  if (!found) throw new Error(`Unknown framework version ${version}`);
  return found;
}

export function groupOf(framework: Framework, key: string): Group | undefined {
  return framework.groups.find((g) => g.key === key);
}

/** The group's name in the framework; its key when the framework has no such group. */
export function groupName(framework: Framework, key: string): string {
  return groupOf(framework, key)?.name ?? key;
}

/** The group named in folded text, longest alias first so "so hoa ho so" beats "so hoa". */
export function findGroupByText(framework: Framework, folded: string): Group | undefined {
  const candidates = framework.groups.flatMap((g) => g.aliases.map((alias) => ({ g, alias })));
  candidates.sort((a, b) => b.alias.length - a.alias.length);
  return candidates.find(({ alias }) => new RegExp(`(^|[^a-z])${alias}([^a-z]|$)`).test(folded))?.g;
}
