// Vietnamese text of the interface and the labels of the API's codes. Every string shown to the
// user comes from here or from the API (which answers in Vietnamese too).

export const roles = {
  'quan-tri': 'Quản trị',
  'noi-vu': 'Nội vụ',
  'hoi-dong': 'Hội đồng thi đua',
  'don-vi': 'Đơn vị',
  'lanh-dao': 'Lãnh đạo',
};

export const periodStates = {
  done: 'đã xong',
  'under-way': 'đang diễn ra',
  future: 'sắp tới',
};

export const periodKinds = { phase: 'giai đoạn', year: 'năm' };

export const statuses = {
  eligible: 'đủ điều kiện',
  ineligible: 'không đủ điều kiện',
  incomplete: 'chưa đủ dữ liệu',
};

// How a merged unit's years before it existed are read (the plan's `lineage.history`), as the
// server names them (plan/LineageRules.cpp).
export const historyRules = {
  own: 'chỉ các năm của chính đơn vị',
  main: 'theo đơn vị tiền thân chính',
  all: 'mọi đơn vị tiền thân đều phải đạt',
  weighted: 'bình quân theo trọng số các đơn vị tiền thân',
};

// Text first, the symbol only as a help: the result must not be told by colour alone.
export const results = {
  pass: { mark: '✓', text: 'đạt' },
  fail: { mark: '✗', text: 'không đạt' },
  unknown: { mark: '?', text: 'chưa rõ' },
};

export const awardKinds = { collective: 'tập thể', individual: 'cá nhân' };

export const deadlineKinds = {
  registration: 'đăng ký thi đua',
  dossier: 'hồ sơ khen thưởng',
  event: 'sự kiện',
};

export const unitTypes = {
  province: 'Tỉnh',
  department: 'Sở, ban, ngành',
  district: 'UBND huyện',
  commune: 'UBND xã',
  'public-service-unit': 'Đơn vị sự nghiệp',
  'central-agency': 'Cơ quan Trung ương',
  'provincial-agency': 'Cơ quan tỉnh tại huyện',
  'district-agency': 'Cơ quan cấp huyện',
  office: 'Phòng chuyên môn',
  other: 'Khác',
};

export const parRatings = {
  'xuat-sac': 'Xuất sắc',
  tot: 'Tốt',
  kha: 'Khá',
  'trung-binh': 'Trung bình',
  yeu: 'Yếu',
};

export const tables = {
  units: 'Đơn vị',
  unit_successions: 'Đơn vị tiền thân (sáp nhập)',
  dossier_documents: 'Giấy tờ hồ sơ',
  people: 'Cá nhân',
  unit_years: 'Kết quả hằng năm của đơn vị',
  component_years: 'Chỉ số thành phần',
  person_years: 'Kết quả hằng năm của cá nhân',
  registrations: 'Đăng ký thi đua',
  events: 'Sự kiện',
  dossiers: 'Hồ sơ',
};

export const genders = { nu: 'Nữ', nam: 'Nam' };

export const t = {
  appName: 'Thi đua cải cách hành chính',
  skip: 'Bỏ qua, tới nội dung chính',
  nav: {
    dashboard: 'Tổng quan',
    plans: 'Kế hoạch',
    units: 'Đơn vị',
    people: 'Cá nhân',
    import: 'Nhập dữ liệu',
    admin: 'Quản trị',
    password: 'Đổi mật khẩu',
    logout: 'Đăng xuất',
    menu: 'Trình đơn',
  },
  loading: 'Đang tải…',
  saving: 'Đang gửi…',
  errorTitle: 'Có lỗi',
  retry: 'Thử lại',
  none: 'Không có',
  unknown: 'chưa có',
  notFound: 'Không có trang này.',
  networkError: 'Không kết nối được với máy chủ.',
  login: {
    title: 'Đăng nhập',
    username: 'Tên đăng nhập',
    password: 'Mật khẩu',
    submit: 'Đăng nhập',
  },
  password: {
    title: 'Đổi mật khẩu',
    forced: 'Bạn cần đổi mật khẩu trước khi tiếp tục.',
    current: 'Mật khẩu hiện tại',
    next: 'Mật khẩu mới',
    confirm: 'Nhập lại mật khẩu mới',
    mismatch: 'Hai lần nhập mật khẩu mới không khớp.',
    submit: 'Đổi mật khẩu',
    done: 'Đã đổi mật khẩu.',
  },
};

// Dates from the API are ISO (YYYY-MM-DD or a timestamp); shown as DD/MM/YYYY.
export function formatDate(iso) {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(iso));
  if (!m) return String(iso);
  const time = /T(\d{2}:\d{2})/.exec(String(iso));
  return `${m[3]}/${m[2]}/${m[1]}${time ? ' ' + time[1] : ''}`;
}

const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
export function formatNumber(n) {
  return n === null || n === undefined || Number.isNaN(n) ? '' : numberFormat.format(n);
}

export function label(map, key) {
  return (key !== null && key !== undefined && map[key]) || key || '';
}
