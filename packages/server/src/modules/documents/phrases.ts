// The words of the templates the product ships, in the six languages of the demo office. An office edits
// the templates themselves (admin page); these only seed them. Kept together so a language is added in
// one place; a test checks every language has every phrase.

export const DOCUMENT_LANGUAGES = ['en', 'fr', 'es', 'ar', 'zh', 'ru'] as const;
export type DocumentLanguage = typeof DOCUMENT_LANGUAGES[number];

export const isDocumentLanguage = (l: unknown): l is DocumentLanguage => (DOCUMENT_LANGUAGES as readonly unknown[]).includes(l);

/** Languages written right to left. */
export const RTL_LANGUAGES: ReadonlySet<string> = new Set(['ar', 'he', 'fa', 'ur']);

interface Phrases {
  caseNumber: string; right: string; title: string; filingDate: string; registrationDate: string; expiryDate: string;
  applicants: string; representative: string; classes: string; class: string; status: string; act: string; actDate: string;
  legalBasis: string; timeLimit: string; dueOn: string; remarks: string;
  /** Headings of the blocks. */
  image: string; goods: string; submitted: string; submittedData: string;
  /** The line every document ends with; {office}, {url} and {code} are filled in. */
  verification: string;
  rights: Record<'trademark' | 'patent' | 'utility-model' | 'design' | 'gi', string>;
  intro: Record<'filing-receipt' | 'deficiency-notice' | 'provisional-refusal' | 'examination-report' | 'publication-notice'
    | 'registration-certificate' | 'renewal-reminder' | 'patent-certificate' | 'other', string>;
}

export const PHRASES: Record<DocumentLanguage, Phrases> = {
  en: {
    caseNumber: 'Number', right: 'Right', title: 'Title', filingDate: 'Filing date', registrationDate: 'Date of registration',
    expiryDate: 'Expiry date', applicants: 'Applicant or holder', representative: 'Representative', classes: 'Classes', class: 'Class',
    status: 'Status', act: 'Act', actDate: 'Date of the act', legalBasis: 'Legal basis', timeLimit: 'Time limit',
    dueOn: 'Ends on', remarks: 'Grounds and remarks',
    image: 'Representation', goods: 'Goods and services', submitted: 'What was submitted (SHA-256)', submittedData: 'Data of the request',
    verification: 'Signed electronically by {office}. Check this document at {url} with the code {code}.',
    rights: { trademark: 'Trademark', patent: 'Patent', 'utility-model': 'Utility model', design: 'Industrial design', gi: 'Geographical indication' },
    intro: {
      'filing-receipt': 'The office has received the application below and accorded it the filing date shown. The hashes at the end identify exactly what was submitted.',
      'deficiency-notice': 'The examination as to formalities found the deficiencies stated below. Remedy them before the time limit ends; otherwise the application may be deemed withdrawn.',
      'provisional-refusal': 'The office provisionally refuses protection, wholly or in part, on the grounds stated below. You may reply before the time limit ends.',
      'examination-report': 'The examination of the application below has the result stated here.',
      'publication-notice': 'The application below has been published. Third parties may oppose it within the time limit the law sets.',
      'registration-certificate': 'It is hereby certified that the right described below is entered in the register of the office.',
      'renewal-reminder': 'The registration below expires on {{case.expiryDate}}. Renew it before that date to keep it in force.',
      'patent-certificate': 'The office has decided to grant the patent described below; the grant is entered in the register.',
      other: 'This document records the act of the office stated below.',
    },
  },
  fr: {
    caseNumber: 'Numéro', right: 'Droit', title: 'Titre', filingDate: 'Date de dépôt', registrationDate: "Date d'enregistrement",
    expiryDate: "Date d'expiration", applicants: 'Déposant ou titulaire', representative: 'Mandataire', classes: 'Classes', class: 'Classe',
    status: 'Statut', act: 'Acte', actDate: "Date de l'acte", legalBasis: 'Base juridique', timeLimit: 'Délai',
    dueOn: 'Expire le', remarks: 'Motifs et observations',
    image: 'Reproduction', goods: 'Produits et services', submitted: 'Pièces déposées (SHA-256)', submittedData: 'Données de la demande',
    verification: 'Signé électroniquement par {office}. Vérifiez ce document sur {url} avec le code {code}.',
    rights: { trademark: 'Marque', patent: 'Brevet', 'utility-model': "Modèle d'utilité", design: 'Dessin ou modèle industriel', gi: 'Indication géographique' },
    intro: {
      'filing-receipt': "L'office a reçu la demande ci-dessous et lui a attribué la date de dépôt indiquée. Les empreintes figurant à la fin identifient exactement les pièces déposées.",
      'deficiency-notice': "L'examen de forme a relevé les irrégularités indiquées ci-dessous. Régularisez-les avant l'expiration du délai ; à défaut, la demande peut être réputée retirée.",
      'provisional-refusal': "L'office refuse provisoirement la protection, en tout ou en partie, pour les motifs indiqués ci-dessous. Vous pouvez répondre avant l'expiration du délai.",
      'examination-report': "L'examen de la demande ci-dessous a donné le résultat indiqué ici.",
      'publication-notice': "La demande ci-dessous a été publiée. Les tiers peuvent former opposition dans le délai prévu par la loi.",
      'registration-certificate': "Il est certifié que le droit décrit ci-dessous est inscrit au registre de l'office.",
      'renewal-reminder': "L'enregistrement ci-dessous expire le {{case.expiryDate}}. Renouvelez-le avant cette date pour le maintenir en vigueur.",
      'patent-certificate': "L'office a décidé de délivrer le brevet décrit ci-dessous ; la délivrance est inscrite au registre.",
      other: "Le présent document atteste l'acte de l'office indiqué ci-dessous.",
    },
  },
  es: {
    caseNumber: 'Número', right: 'Derecho', title: 'Título', filingDate: 'Fecha de presentación', registrationDate: 'Fecha de registro',
    expiryDate: 'Fecha de vencimiento', applicants: 'Solicitante o titular', representative: 'Representante', classes: 'Clases', class: 'Clase',
    status: 'Situación', act: 'Acto', actDate: 'Fecha del acto', legalBasis: 'Fundamento jurídico', timeLimit: 'Plazo',
    dueOn: 'Vence el', remarks: 'Motivos y observaciones',
    image: 'Reproducción', goods: 'Productos y servicios', submitted: 'Documentación presentada (SHA-256)', submittedData: 'Datos de la solicitud',
    verification: 'Firmado electrónicamente por {office}. Verifique este documento en {url} con el código {code}.',
    rights: { trademark: 'Marca', patent: 'Patente', 'utility-model': 'Modelo de utilidad', design: 'Diseño industrial', gi: 'Indicación geográfica' },
    intro: {
      'filing-receipt': 'La oficina ha recibido la solicitud que figura a continuación y le ha asignado la fecha de presentación indicada. Las huellas que figuran al final identifican exactamente lo presentado.',
      'deficiency-notice': 'El examen de forma ha detectado las irregularidades indicadas a continuación. Subsánelas antes de que venza el plazo; de lo contrario, la solicitud podrá considerarse retirada.',
      'provisional-refusal': 'La oficina deniega provisionalmente la protección, total o parcialmente, por los motivos indicados a continuación. Puede contestar antes de que venza el plazo.',
      'examination-report': 'El examen de la solicitud que figura a continuación ha dado el resultado aquí indicado.',
      'publication-notice': 'La solicitud que figura a continuación ha sido publicada. Los terceros pueden oponerse a ella en el plazo que fija la ley.',
      'registration-certificate': 'Se certifica que el derecho descrito a continuación está inscrito en el registro de la oficina.',
      'renewal-reminder': 'El registro que figura a continuación vence el {{case.expiryDate}}. Renuévelo antes de esa fecha para mantenerlo en vigor.',
      'patent-certificate': 'La oficina ha decidido conceder la patente descrita a continuación; la concesión está inscrita en el registro.',
      other: 'El presente documento deja constancia del acto de la oficina indicado a continuación.',
    },
  },
  ar: {
    caseNumber: 'الرقم', right: 'الحق', title: 'العنوان', filingDate: 'تاريخ الإيداع', registrationDate: 'تاريخ التسجيل',
    expiryDate: 'تاريخ انتهاء الصلاحية', applicants: 'مودع الطلب أو صاحب التسجيل', representative: 'الوكيل', classes: 'الأصناف', class: 'الصنف',
    status: 'الحالة', act: 'الإجراء', actDate: 'تاريخ الإجراء', legalBasis: 'الأساس القانوني', timeLimit: 'المهلة',
    dueOn: 'تنتهي في', remarks: 'الأسباب والملاحظات',
    image: 'الصورة', goods: 'السلع والخدمات', submitted: 'ما تم إيداعه (SHA-256)', submittedData: 'بيانات الطلب',
    verification: 'موقّع إلكترونياً من {office}. تحقق من هذه الوثيقة على {url} باستخدام الرمز {code}.',
    rights: { trademark: 'علامة تجارية', patent: 'براءة اختراع', 'utility-model': 'نموذج منفعة', design: 'رسم أو نموذج صناعي', gi: 'مؤشر جغرافي' },
    intro: {
      'filing-receipt': 'تسلّم المكتب الطلب المبيّن أدناه ومنحه تاريخ الإيداع المذكور. تحدد البصمات الواردة في النهاية ما تم إيداعه بدقة.',
      'deficiency-notice': 'كشف الفحص الشكلي عن أوجه النقص المبيّنة أدناه. يرجى تداركها قبل انقضاء المهلة، وإلا جاز اعتبار الطلب مسحوباً.',
      'provisional-refusal': 'يرفض المكتب الحماية مؤقتاً، كلياً أو جزئياً، للأسباب المبيّنة أدناه. يجوز لكم الرد قبل انقضاء المهلة.',
      'examination-report': 'أسفر فحص الطلب المبيّن أدناه عن النتيجة المذكورة هنا.',
      'publication-notice': 'تم نشر الطلب المبيّن أدناه. يجوز للغير الاعتراض عليه خلال المهلة التي يحددها القانون.',
      'registration-certificate': 'يشهد المكتب بأن الحق المبيّن أدناه مقيّد في سجله.',
      'renewal-reminder': 'ينتهي التسجيل المبيّن أدناه في {{case.expiryDate}}. يرجى تجديده قبل هذا التاريخ للإبقاء عليه سارياً.',
      'patent-certificate': 'قرر المكتب منح البراءة المبيّنة أدناه، وقد قُيّد المنح في السجل.',
      other: 'تثبت هذه الوثيقة إجراء المكتب المبيّن أدناه.',
    },
  },
  zh: {
    caseNumber: '编号', right: '权利类型', title: '名称', filingDate: '申请日', registrationDate: '注册日',
    expiryDate: '届满日', applicants: '申请人或注册人', representative: '代理人', classes: '类别', class: '类别',
    status: '状态', act: '程序行为', actDate: '行为日期', legalBasis: '法律依据', timeLimit: '期限',
    dueOn: '截止日', remarks: '理由和意见',
    image: '图样', goods: '商品和服务', submitted: '提交的材料 (SHA-256)', submittedData: '请求数据',
    verification: '由{office}电子签名。请在 {url} 使用验证码 {code} 核验本文件。',
    rights: { trademark: '商标', patent: '专利', 'utility-model': '实用新型', design: '工业品外观设计', gi: '地理标志' },
    intro: {
      'filing-receipt': '本局已收到下列申请,并给予所示申请日。文末的哈希值准确标识所提交的材料。',
      'deficiency-notice': '形式审查发现下列缺陷。请在期限届满前补正,否则申请可能被视为撤回。',
      'provisional-refusal': '本局基于下列理由临时全部或部分驳回保护。您可以在期限届满前答复。',
      'examination-report': '对下列申请的审查结果如下。',
      'publication-notice': '下列申请已公告。第三方可以在法定期限内提出异议。',
      'registration-certificate': '兹证明下列权利已登记于本局注册簿。',
      'renewal-reminder': '下列注册将于 {{case.expiryDate}} 届满。请在该日期前办理续展,以保持其有效。',
      'patent-certificate': '本局决定授予下列专利;授权已登记于注册簿。',
      other: '本文件记载下列本局程序行为。',
    },
  },
  ru: {
    caseNumber: 'Номер', right: 'Вид права', title: 'Наименование', filingDate: 'Дата подачи', registrationDate: 'Дата регистрации',
    expiryDate: 'Дата истечения срока действия', applicants: 'Заявитель или владелец', representative: 'Представитель', classes: 'Классы', class: 'Класс',
    status: 'Статус', act: 'Действие', actDate: 'Дата действия', legalBasis: 'Правовое основание', timeLimit: 'Срок',
    dueOn: 'Истекает', remarks: 'Основания и замечания',
    image: 'Изображение', goods: 'Товары и услуги', submitted: 'Поданные материалы (SHA-256)', submittedData: 'Данные заявления',
    verification: 'Подписано электронной подписью: {office}. Проверьте этот документ на {url} по коду {code}.',
    rights: { trademark: 'Товарный знак', patent: 'Патент', 'utility-model': 'Полезная модель', design: 'Промышленный образец', gi: 'Географическое указание' },
    intro: {
      'filing-receipt': 'Ведомство получило нижеуказанную заявку и установило указанную дату подачи. Хеш-суммы в конце документа точно определяют поданные материалы.',
      'deficiency-notice': 'Формальная экспертиза выявила указанные ниже недостатки. Устраните их до истечения срока; в противном случае заявка может считаться отозванной.',
      'provisional-refusal': 'Ведомство предварительно отказывает в охране полностью или частично по указанным ниже основаниям. Вы можете ответить до истечения срока.',
      'examination-report': 'Экспертиза нижеуказанной заявки дала приведённый здесь результат.',
      'publication-notice': 'Нижеуказанная заявка опубликована. Третьи лица могут подать возражение в установленный законом срок.',
      'registration-certificate': 'Настоящим удостоверяется, что описанное ниже право внесено в реестр ведомства.',
      'renewal-reminder': 'Срок действия нижеуказанной регистрации истекает {{case.expiryDate}}. Продлите её до этой даты, чтобы сохранить её в силе.',
      'patent-certificate': 'Ведомство решило выдать описанный ниже патент; выдача внесена в реестр.',
      other: 'Настоящий документ удостоверяет указанное ниже действие ведомства.',
    },
  },
};

type IntroKind = keyof Phrases['intro'];
const WITH_IMAGE_AND_GOODS = new Set(['filing-receipt', 'provisional-refusal', 'publication-notice', 'registration-certificate', 'renewal-certificate', 'renewal-reminder', 'patent-certificate', 'statement-of-grant-of-protection', 'application-publication']);
const WITH_REGISTRATION = new Set(['registration-certificate', 'renewal-certificate', 'renewal-reminder', 'patent-certificate', 'recordal-certificate', 'statement-of-grant-of-protection', 'maintenance-receipt', 'annuity-receipt']);

/** The template the product ships for a kind of document in a language. */
export function defaultTemplate(kind: string, language: DocumentLanguage): string {
  const p = PHRASES[language];
  const intro = p.intro[(kind in p.intro ? kind : kind === 'renewal-certificate' ? 'registration-certificate' : 'other') as IntroKind];
  const lines = [
    '# {{document.title}}',
    '{{office.name}}',
    '---',
    intro,
    '',
    `- ${p.caseNumber}: {{case.number}}`,
    `- ${p.right}: {{case.right}}`,
    `- ${p.title}: {{case.title}}`,
    `- ${p.filingDate}: {{case.filingDate}}`,
    ...(WITH_REGISTRATION.has(kind) ? [`- ${p.registrationDate}: {{case.registrationDate}}`, `- ${p.expiryDate}: {{case.expiryDate}}`] : []),
    `- ${p.applicants}: {{case.applicants}}`,
    `- ${p.representative}: {{case.representative}}`,
    `- ${p.classes}: {{case.classes}}`,
    `- ${p.status}: {{case.status}}`,
    '',
    `- ${p.act}: {{act.title}}`,
    `- ${p.actDate}: {{act.date}}`,
    `- ${p.legalBasis}: {{act.legalBasis}}`,
    `- ${p.timeLimit}: {{timeLimit.title}}`,
    `- ${p.dueOn}: {{timeLimit.dueOn}}`,
    `- ${p.remarks}: {{act.remarks}}`,
    ...(WITH_IMAGE_AND_GOODS.has(kind) ? ['', '[image]', '[goods]'] : []),
    ...(kind === 'filing-receipt' ? ['', '[submitted]'] : []),
  ];
  return lines.join('\n') + '\n';
}
