/**
 * What each admin route takes and gives, as zod schemas: Fastify validates requests with them and
 * @fastify/swagger turns them into the OpenAPI description at /api/docs. Shapes only: the rules
 * (a known unit, a role's rights, a deadline in the future) stay in the admin commands.
 * Responses are open objects: they name the fields a client relies on and let new ones through.
 */
import { z } from 'zod';
import { ROLES } from '../domain/roles.js';

const open = <Shape extends z.ZodRawShape>(shape: Shape) => z.object(shape).catchall(z.any());

const text = z.string().trim().min(1);
const unitName = text.max(200).describe('Mã (H44.100) hoặc tên đơn vị');
const period = text.max(40).describe('Kỳ: 2026-08, 2026-Q3, 2026, 2026-W03 (tuần ISO), hoặc "tháng 8/2026"');

export const errorReply = open({
  error: z.string().describe('Thông báo tiếng Việt'),
  fields: z.array(z.object({ field: z.string(), message: z.string() })).optional().describe('Trường không hợp lệ (400)'),
  problems: z.array(open({ code: z.string(), file: z.string() })).optional().describe('Lỗi từng tệp (422)'),
}).describe('Lỗi');

/** The errors every admin route may answer, besides its own. */
export const commonErrors = { 400: errorReply, 401: errorReply, 404: errorReply, 429: errorReply } as const;

const importReport = open({
  source: z.string(),
  fileName: z.string().nullable(),
  period: z.string(),
  importId: z.number().int().nullable().describe('null khi không có gì thay đổi'),
  unitsMatched: z.number().int(),
  unitsCreated: z.array(z.string()),
  resultsAdded: z.array(z.string()),
  resultsUpdated: z.array(open({ unit: z.string(), changes: z.array(z.string()) })),
  resultsUnchanged: z.number().int(),
});

export const demoReply = open({ reports: z.array(importReport) });

export const importBody = z
  .object({
    file: z.array(z.string()).describe('Một hoặc nhiều tệp (tối đa 20 MB mỗi tệp): sáu tệp JSON của Cổng, một bảng tính hoặc một công văn'),
    period: period.optional(),
    force: z.enum(['true', 'false']).optional().describe('true: nhập cả khi làm thiếu kết quả đầy đủ của một kỳ đã công bố'),
  })
  .describe('multipart/form-data');
export const importReply = open({ report: importReport });

export const collectionBody = z.strictObject({
  province: text.max(64).describe('Mã tỉnh trên Cổng DVCQG (H44) hoặc mã cây đơn vị (departmentId)'),
  period: period.describe('Một tháng, quý hoặc năm đã kết thúc (giờ Việt Nam): 2026-08, 2026-Q3, 2026'),
});
export const collectionReply = open({
  province: z.string(),
  rootDepartmentId: z.string(),
  period: z.string(),
  sourceUrl: z.string().describe('Địa chỉ Cổng đã lấy dữ liệu'),
  figuresDigest: z.string().describe('Dấu vân tay của số liệu: hai lần thu thập cùng dấu là số liệu đã ổn định'),
  runId: z.number().int(),
  report: importReport,
  text: z.string(),
});

export const inviteBody = z.strictObject({
  unit: unitName,
  role: z.enum(ROLES).default('officer'),
  uses: z.number().int().min(1).nullable().optional().describe('Số lần dùng; null: không giới hạn'),
  days: z.number().int().min(1).max(365).optional().describe('Số ngày hiệu lực'),
});
export const inviteReply = open({
  code: z.string(),
  unit: open({ id: z.number().int(), name: z.string(), code: z.string().nullable() }),
  role: z.enum(ROLES),
  maxUses: z.number().int().nullable(),
  expiresAt: z.string(),
  channels: z.array(z.string()).describe('Cách tham gia trên từng kênh đang bật: đường dẫn Telegram, hoặc gõ gì cho bot Zalo'),
});

export const publicationBody = z.strictObject({ period });
export const publicationReply = open({
  period: z.string(),
  again: z.boolean().describe('true: kỳ đã công bố trước đó'),
  planned: z.number().int(),
  enqueued: z.number().int(),
  summaries: z.number().int(),
  withoutResult: z.number().int(),
  text: z.string(),
});

export const periodParams = z.strictObject({ period });
const deliveryCounts = {
  chats: z.number().int(),
  sent: z.number().int(),
  pending: z.number().int(),
  failed: z.number().int(),
  blocked: z.number().int(),
  outsideWindow: z.number().int().describe('Ngoài thời hạn tương tác của Zalo OA (chưa gửi được, hoặc chờ người dùng nhắn lại)'),
  acknowledged: z.number().int(),
};
export const deliveryReportReply = open({
  report: open({
    publication: open({ period: z.string(), status: z.string() }),
    units: z.array(open({ unitId: z.number().int(), unit: z.string(), ...deliveryCounts })),
    totals: open({ units: z.number().int(), ...deliveryCounts }),
  })
    .nullable()
    .describe('null khi kỳ chưa được công bố'),
  text: z.string(),
});

export const taskBody = z.strictObject({
  title: text.max(500),
  body: z.string().max(5000).nullable().optional(),
  from: unitName.describe('Đơn vị giao: mã hoặc tên'),
  to: z.union([z.literal('all'), z.array(unitName).min(1).max(5000)], { error: 'admin-field-task-to' }).describe('"all" hoặc danh sách đơn vị nhận'),
  deadline: text.max(100).describe('Hạn: 2026-10-02, 20/3, "cuối tháng", "thứ sáu tuần sau"'),
});
export const taskReply = open({ id: z.number().int(), title: z.string(), deadline: z.string(), assignees: z.array(z.string()) });

export const consoleBody = z.strictObject({
  chatId: text.max(200).default('local'),
  text: z.string().max(4096),
});
export const consoleActionBody = z.strictObject({
  chatId: text.max(200).default('local'),
  /** A button's action, as the reply carried it (64 bytes at most, Telegram's limit). */
  action: z.string().min(1).max(64),
});
const replyButton = open({ label: z.string(), action: z.string() });
export const consoleReply = open({
  replies: z.array(
    open({
      title: z.string().optional(),
      lines: z.array(z.string()),
      buttons: z.array(z.array(replyButton)).optional(),
      file: open({ fileName: z.string(), base64: z.string().optional().describe('Nội dung tệp (biểu đồ, báo cáo PDF, tệp mẫu) mã hóa base64') }).optional(),
    }),
  ),
});
