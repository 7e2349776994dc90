/**
 * The closed list of error codes. Each has an HTTP status and a user-facing message in zh-CN and English.
 * Clients branch on `code`, never on message text.
 */
export const ERRORS = {
  VALIDATION_FAILED: { status: 400, zh: '输入不符合要求', en: 'The input is not valid' },
  MALFORMED_JSON: { status: 400, zh: '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '请求体过大', en: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
  INVALID_PHONE: { status: 422, zh: '电话号码格式不正确', en: 'The phone number is not valid' },
  INVALID_ID_NUMBER: { status: 422, zh: '身份证号码格式不正确', en: 'The ID number is not valid' },
  UNKNOWN_CATEGORY: { status: 422, zh: '诉求分类不存在', en: 'Unknown category' },
  UNKNOWN_AREA: { status: 422, zh: '行政区划不存在', en: 'Unknown area' },
  UNKNOWN_UNIT: { status: 422, zh: '单位不存在', en: 'Unknown unit' },
  UNKNOWN_USER: { status: 422, zh: '用户不存在', en: 'Unknown user' },
  UNKNOWN_APPEAL: { status: 422, zh: '关联的诉求不存在', en: 'The referenced appeal does not exist' },
  INVALID_TRANSITION_INPUT: { status: 422, zh: '操作缺少必要信息', en: 'The action is missing required information' },
  ACCUSED_UNIT: { status: 422, zh: '不得将举报材料转交被举报单位', en: 'A report may not be sent to the unit it accuses' },
  WINDOW_CLOSED: { status: 422, zh: '申请期限已过', en: 'The time allowed for this request has passed' },
  PETITION_FINAL: { status: 422, zh: '该信访事项已复核终结，同一事实和理由不再受理', en: 'This petition was concluded by re-review; the same matter is not accepted again' },
  TOO_MANY_REPRESENTATIVES: { status: 422, zh: '多人来访推选代表不得超过5人', en: 'A group visit may name at most 5 representatives' },
  MASTER_REPLIED: { status: 409, zh: '主单已答复，不能取消并单', en: 'The master appeal has been replied; the merge can no longer be undone' },
  USERNAME_TAKEN: { status: 409, zh: '用户名已存在', en: 'The username is taken' },
  DUPLICATE_CODE: { status: 409, zh: '编码已存在', en: 'The code is already in use' },
  TREE_CYCLE: { status: 422, zh: '不能移到自身或其下级之下', en: 'An item cannot be moved under itself or one of its descendants' },
  PARENT_INACTIVE: { status: 422, zh: '上级已停用，请先启用上级', en: 'The parent is deactivated; reactivate it first' },
  IN_USE: { status: 409, zh: '仍在使用中，不能停用', en: 'Still in use; it cannot be deactivated' },
  SELF_LOCKOUT: { status: 422, zh: '不能停用自己的账号或取消自己的管理员角色', en: 'You cannot deactivate your own account or remove your own administrator role' },
  INVALID_CREDENTIALS: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please sign in' },
  LOGIN_LOCKED: { status: 429, zh: '登录失败次数过多，请稍后再试', en: 'Too many failed sign-ins; try again later' },
  CSRF_FAILED: { status: 403, zh: '请求来源校验失败，请刷新页面后重试', en: 'The request could not be verified; reload the page and try again' },
  WEAK_PASSWORD: { status: 422, zh: '密码不符合安全要求：长度不足、字符种类太少、包含用户名或属于常见密码', en: 'The password does not meet the policy: too short, too few kinds of characters, contains the username, or is a common password' },
  CURRENT_PASSWORD_WRONG: { status: 422, zh: '当前密码不正确', en: 'The current password is wrong' },
  FORBIDDEN: { status: 403, zh: '当前角色无权执行此操作', en: 'Your role may not do this' },
  NOT_FOUND: { status: 404, zh: '未找到', en: 'Not found' },
  INVALID_API_KEY: { status: 403, zh: '缺少 API 密钥或密钥无效', en: 'The api_key is missing or not valid' },
  UNKNOWN_SERVICE: { status: 404, zh: '服务类型不存在', en: 'Unknown service_code' },
  UNKNOWN_JURISDICTION: { status: 404, zh: '辖区不存在', en: 'Unknown jurisdiction_id' },
  ILLEGAL_TRANSITION: { status: 409, zh: '当前状态下不能执行此操作', en: 'This action is not allowed in the current state' },
  STALE_STATE: { status: 409, zh: '诉求已被他人处理，请刷新后重试', en: 'Someone else changed this appeal; reload and try again' },
  IDEMPOTENCY_CONFLICT: { status: 409, zh: '幂等键已用于不同的请求', en: 'The idempotency key was used for a different request' },
  ATTACHMENT_TYPE: { status: 415, zh: '附件只能是图片（JPG、PNG、GIF、WebP）或 PDF 文件', en: 'Attachments must be images (JPG, PNG, GIF, WebP) or PDF files' },
  ATTACHMENT_TOO_LARGE: { status: 413, zh: '单个附件不能超过 10 MB', en: 'An attachment may be at most 10 MB' },
  TOO_MANY_ATTACHMENTS: { status: 422, zh: '附件不能超过 5 个', en: 'At most 5 attachments' },
  HUMAN_CHECK_FAILED: { status: 422, zh: '验证题答案不正确或已过期，请重新作答', en: 'The check answer is wrong or expired; please answer a new one' },
  MONTH_NOT_CLOSED: { status: 422, zh: '该月尚未结束，不能冻结考核结果', en: 'The month has not ended; its assessment cannot be frozen yet' },
  MONTH_NOT_STARTED: { status: 422, zh: '该月尚未开始，暂无考核数据', en: 'The month has not started; there is nothing to assess yet' },
  MONTH_FROZEN: { status: 409, zh: '该月考核结果已冻结', en: 'The assessment of this month is already frozen' },
  BACKUP_REQUIRED: { status: 422, zh: 'AB岗：每个岗位须指定一名不同于A岗的B岗人员', en: 'Every post needs a named backup (B) who is not the A person' },
  ROSTER_OVERLAP: { status: 409, zh: '该人员在重叠时段已有值班岗位', en: 'This person already holds a post in an overlapping shift' },
  SWAP_DECIDED: { status: 409, zh: '换班申请已处理', en: 'The swap request has already been decided' },
  INVALID_RECURRENCE: { status: 422, zh: '循环规则无效', en: 'The recurrence rule is not valid' },
  NOT_A_LEADER: { status: 422, zh: '所选用户不是领导', en: 'The chosen user is not a leader' },
  CANCELLED: { status: 409, zh: '已取消，不能再修改', en: 'This has been cancelled and can no longer be changed' },
  EDIT_CONFLICT: { status: 409, zh: '该记录已被他人修改，请刷新后重试', en: 'Someone else changed this; reload and try again' },
  ALREADY_CONVERTED: { status: 409, zh: '已转为诉求', en: 'This has already become an appeal' },
  DUPLICATE_POST: { status: 409, zh: '该单位已设工作站或该社区已设工作室', en: 'This unit already has a work station, or this community a work room' },
  WRONG_UNIT_KIND: { status: 422, zh: '单位类型不符合要求', en: 'The unit is not of the required kind' },
  ALREADY_RECORDED: { status: 409, zh: '已登记，不能重复办理', en: 'This has already been recorded' },
  NOTICE_TOO_SHORT: { status: 422, zh: '听证公告距听证会举行的天数不足', en: 'The hearing notice does not give enough days before the hearing' },
  REPRESENTATIVES_REQUIRED: { status: 422, zh: '听证会须有居民代表', en: 'A hearing needs resident representatives' },
  UNKNOWN_PROXY_ITEM: { status: 422, zh: '代办事项不存在', en: 'Unknown proxy service item' },
  ITEM_INACTIVE: { status: 422, zh: '该事项已停止代办', en: 'This item is no longer offered' },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁', en: 'Too many requests' },
  SERVICE_UNAVAILABLE: { status: 503, zh: '服务暂不可用', en: 'Service unavailable' },
  INTERNAL: { status: 500, zh: '系统内部错误', en: 'Internal error' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;
export const ERROR_CODES = Object.keys(ERRORS) as ErrorCode[];

/** An expected failure with a stable code; `details` goes to the client, so it must never hold personal data. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  constructor(code: ErrorCode, message?: string, details?: Record<string, unknown>) {
    super(message ?? ERRORS[code].en);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}
