// The words of the forms drawn from the law's payload schemas (the act forms, the filing of a patent,
// utility model, design or geographical indication, the summary of a draft): field labels, option
// texts of enumerated values and hints. The schemas name fields in English code ('goodsServices') and
// values as codes or as the WIPO standard spells them ('likelihood-of-confusion', ST.96 'Diary'), so the
// words are kept here, keyed by what the schema says, and checked against every schema by the i18n test.
//
// - Labels are keyed by the English label the form would otherwise show (features/acts/labels.ts: the
//   schema's title, else the property name made readable). A field that is an uploaded document is named
//   by the law's title of that document (LAW_TEXT) when it has one; an entry here with the same English
//   key is then the plain field's meaning (a mark's 'Description' is not an invention's specification).
// - Values are keyed 'field=value': the field is the property the value belongs to (for a list, the
//   list's), because one value can mean two things ('kind=Other' is a kind of mark, 'category=Other' a
//   product category).
// - `en` gives the English wording where the schema's own reads badly ('Ipc', ST.96's 'Diary').
// - A value or label another catalogue already names (kinds of mark and of recordal, the party fields of
//   the trademark filing) refers to that message instead of repeating it.
// Terms follow WIPO usage (see law.ts). Keep each table sorted by key.
import type { Lang } from './core.ts';
import { common } from './common.ts';
import { filing } from './filing.ts';
import { LAW_TEXT } from './law.ts';
import { MARK_KIND_KEY } from '../ui/names.ts';

type Others = Exclude<Lang, 'en'>;
export type FieldWords = Record<Others, string> & { en?: string };
type SharedKey = Extract<keyof typeof common.en | keyof typeof filing.en, string>;
/** The same words as a message of another catalogue. */
export interface SameAs { same: SharedKey }
export type FieldEntry = FieldWords | SameAs;

const shared = (lang: Lang, key: SharedKey): string | undefined =>
  (common[lang] as Record<string, string>)[key] ?? (filing[lang] as Record<string, string>)[key];

export const FIELD_LABELS: Record<string, FieldEntry> = {
  'Abstract': { fr: 'Abrégé', es: 'Resumen', ar: 'الملخص', zh: '摘要', ru: 'Реферат' },
  'Address': { same: 'filing.party.address' },
  'Applicant': { fr: 'Déposant', es: 'Solicitante', ar: 'مودع الطلب', zh: '申请人', ru: 'Заявитель' },
  'Applicants': { fr: 'Déposants', es: 'Solicitantes', ar: 'مودعو الطلب', zh: '申请人', ru: 'Заявители' },
  'Area': { en: 'Geographical area', fr: 'Aire géographique', es: 'Zona geográfica', ar: 'المنطقة الجغرافية', zh: '地理区域', ru: 'Географический район' },
  'Basic mark': { fr: 'Marque de base', es: 'Marca de base', ar: 'العلامة الأساسية', zh: '基础申请或基础注册', ru: 'Базовая заявка или регистрация' },
  'Boundaries': { fr: 'Délimitation', es: 'Delimitación', ar: 'الحدود', zh: '边界', ru: 'Границы' },
  'Category': { fr: 'Catégorie', es: 'Categoría', ar: 'الفئة', zh: '类别', ru: 'Категория' },
  'Citations': { en: 'Documents cited', fr: 'Documents cités', es: 'Documentos citados', ar: 'الوثائق المستشهد بها', zh: '引用文件', ru: 'Цитируемые документы' },
  'Claims': { fr: 'Revendications', es: 'Reivindicaciones', ar: 'المطالبات', zh: '权利要求', ru: 'Пункты формулы' },
  'Class': { fr: 'Classe', es: 'Clase', ar: 'الصنف', zh: '大类', ru: 'Класс' },
  'Class number': { en: 'Class', fr: 'Classe', es: 'Clase', ar: 'الصنف', zh: '类别', ru: 'Класс МКТУ' },
  'Classes': { fr: 'Classes', es: 'Clases', ar: 'الأصناف', zh: '类别', ru: 'Классы МКТУ' },
  'Code': { fr: 'Code', es: 'Código', ar: 'الرمز', zh: '代码', ru: 'Код' },
  'Colours': { fr: 'Couleurs', es: 'Colores', ar: 'الألوان', zh: '颜色', ru: 'Цвета' },
  'Control body': { fr: 'Organisme de contrôle', es: 'Organismo de control', ar: 'هيئة الرقابة', zh: '监督机构', ru: 'Контролирующий орган' },
  'Coordinates': { fr: 'Coordonnées', es: 'Coordenadas', ar: 'الإحداثيات', zh: '坐标', ru: 'Координаты' },
  'Corrections': { fr: 'Corrections', es: 'Correcciones', ar: 'التصحيحات', zh: '更正', ru: 'Исправления' },
  'Country': { same: 'filing.party.country' },
  'Creditor': { fr: 'Créancier garanti', es: 'Acreedor garantizado', ar: 'الدائن المضمون', zh: '担保权人', ru: 'Залогодержатель' },
  'Data': { en: 'Case data', fr: 'Données du dossier', es: 'Datos del expediente', ar: 'بيانات الملف', zh: '案卷数据', ru: 'Данные дела' },
  'Date': { fr: 'Date', es: 'Fecha', ar: 'التاريخ', zh: '日期', ru: 'Дата' },
  'Defer publication': { en: 'Deferment of publication', fr: 'Ajournement de la publication', es: 'Aplazamiento de la publicación', ar: 'تأجيل النشر', zh: '延期公布', ru: 'Отсрочка публикации' },
  'Deferment months': { en: 'Deferment (months)', fr: "Durée de l'ajournement (mois)", es: 'Duración del aplazamiento (meses)', ar: 'مدة التأجيل (بالأشهر)', zh: '延期期限（月）', ru: 'Срок отсрочки (месяцев)' },
  'Deficiencies': { fr: 'Irrégularités', es: 'Irregularidades', ar: 'أوجه النقص', zh: '缺陷', ru: 'Недостатки' },
  'Description': { fr: 'Description', es: 'Descripción', ar: 'الوصف', zh: '说明', ru: 'Описание' },
  'Design': { en: 'Design number', fr: 'Numéro du dessin ou modèle', es: 'Número del diseño', ar: 'رقم التصميم', zh: '外观设计序号', ru: 'Номер промышленного образца' },
  'Designers': { fr: 'Créateurs', es: 'Diseñadores', ar: 'المصممون', zh: '设计人', ru: 'Авторы промышленного образца' },
  'Designs': { fr: 'Dessins ou modèles', es: 'Diseños', ar: 'التصاميم', zh: '外观设计', ru: 'Промышленные образцы' },
  'Document': { fr: 'Document', es: 'Documento', ar: 'الوثيقة', zh: '文件', ru: 'Документ' },
  'Documents': { en: 'Documents filed with the response', fr: 'Pièces jointes à la réponse', es: 'Documentos presentados con la respuesta', ar: 'الوثائق المقدَّمة مع الرد', zh: '随答复提交的文件', ru: 'Документы, представленные с ответом' },
  'Earlier right': { fr: 'Droit antérieur', es: 'Derecho anterior', ar: 'الحق السابق', zh: '在先权利', ru: 'Более раннее право' },
  'Earlier rights': { fr: 'Droits antérieurs', es: 'Derechos anteriores', ar: 'الحقوق السابقة', zh: '在先权利', ru: 'Более ранние права' },
  'Email': { same: 'filing.party.email' },
  'Evidence': { fr: 'Pièces justificatives', es: 'Pruebas', ar: 'الأدلة', zh: '证明文件', ru: 'Подтверждающие документы' },
  'Exclusive': { en: 'Exclusive licence', fr: 'Licence exclusive', es: 'Licencia exclusiva', ar: 'ترخيص استئثاري', zh: '独占许可', ru: 'Исключительная лицензия' },
  'Expiry date': { fr: "Date d'expiration", es: 'Fecha de vencimiento', ar: 'تاريخ انتهاء المدة', zh: '届满日期', ru: 'Дата истечения срока' },
  'Explanation': { fr: 'Explication', es: 'Explicación', ar: 'الشرح', zh: '具体说明', ru: 'Пояснение' },
  'Filing date': { fr: 'Date de dépôt', es: 'Fecha de presentación', ar: 'تاريخ الإيداع', zh: '申请日', ru: 'Дата подачи' },
  'Format': { en: 'Format of the source', fr: 'Format de la source', es: 'Formato de la fuente', ar: 'نسق المصدر', zh: '来源格式', ru: 'Формат источника' },
  'Goods services': { en: 'Goods and services', fr: 'Produits et services', es: 'Productos y servicios', ar: 'السلع والخدمات', zh: '商品和服务', ru: 'Товары и услуги' },
  'Grounds': { fr: 'Motifs', es: 'Motivos', ar: 'الأسباب', zh: '理由', ru: 'Основания' },
  'History': { en: 'History in the previous register', fr: 'Historique dans le registre antérieur', es: 'Historial en el registro anterior', ar: 'السجل التاريخي في السجل السابق', zh: '原登记簿中的历史', ru: 'История в прежнем реестре' },
  'Holder': { fr: 'Titulaire', es: 'Titular', ar: 'صاحب التسجيل', zh: '注册人', ru: 'Владелец' },
  'Id': { en: 'Identifier in the previous register', fr: 'Identifiant dans le registre antérieur', es: 'Identificador en el registro anterior', ar: 'المعرِّف في السجل السابق', zh: '原登记簿中的标识符', ru: 'Идентификатор в прежнем реестре' },
  'Image': { fr: 'Image', es: 'Imagen', ar: 'الصورة', zh: '图样', ru: 'Изображение' },
  'International application': { fr: 'Demande internationale', es: 'Solicitud internacional', ar: 'الطلب الدولي', zh: '国际申请', ru: 'Международная заявка' },
  'Inventors': { fr: 'Inventeurs', es: 'Inventores', ar: 'المخترعون', zh: '发明人', ru: 'Авторы изобретения' },
  'Ipc': { en: 'IPC symbols', fr: 'Symboles de la CIB', es: 'Símbolos de la CIP', ar: 'رموز التصنيف الدولي للبراءات', zh: '国际专利分类号', ru: 'Индексы МПК' },
  'Ir date': { en: 'Date of the international registration', fr: "Date de l'enregistrement international", es: 'Fecha del registro internacional', ar: 'تاريخ التسجيل الدولي', zh: '国际注册日期', ru: 'Дата международной регистрации' },
  'Ir number': { en: 'International registration number', fr: "Numéro de l'enregistrement international", es: 'Número del registro internacional', ar: 'رقم التسجيل الدولي', zh: '国际注册号', ru: 'Номер международной регистрации' },
  'Kind': { fr: 'Type', es: 'Tipo', ar: 'النوع', zh: '类型', ru: 'Вид' },
  'Language': { fr: 'Langue', es: 'Idioma', ar: 'اللغة', zh: '语言', ru: 'Язык' },
  'Legal form': { fr: 'Forme juridique', es: 'Forma jurídica', ar: 'الشكل القانوني', zh: '法律形式', ru: 'Организационно-правовая форма' },
  'Licence': { fr: 'Licence', es: 'Licencia', ar: 'الترخيص', zh: '许可', ru: 'Лицензия' },
  'Licensee': { fr: 'Preneur de licence', es: 'Licenciatario', ar: 'المرخص له', zh: '被许可人', ru: 'Лицензиат' },
  'Link to origin': { en: 'Link with the geographical origin', fr: "Lien avec l'origine géographique", es: 'Vínculo con el origen geográfico', ar: 'الصلة بالمنشأ الجغرافي', zh: '与地理来源的关联', ru: 'Связь с географическим происхождением' },
  'Locarno': { en: 'Locarno classification', fr: 'Classification de Locarno', es: 'Clasificación de Locarno', ar: 'تصنيف لوكارنو', zh: '洛迦诺分类', ru: 'Классификация МКПО' },
  'Mark': { fr: 'Marque', es: 'Marca', ar: 'العلامة', zh: '商标', ru: 'Товарный знак' },
  'Mark text': { fr: 'Texte de la marque', es: 'Texto de la marca', ar: 'نص العلامة', zh: '商标文字', ru: 'Текст знака' },
  'Members count': { en: 'Number of members', fr: 'Nombre de membres', es: 'Número de miembros', ar: 'عدد الأعضاء', zh: '成员数量', ru: 'Число членов' },
  'Name': { same: 'filing.party.name' },
  'Nationality': { same: 'filing.party.nationality' },
  'New holder': { fr: 'Nouveau titulaire', es: 'Nuevo titular', ar: 'صاحب التسجيل الجديد', zh: '新权利人', ru: 'Новый владелец' },
  'New representative': { fr: 'Nouveau mandataire', es: 'Nuevo representante', ar: 'الوكيل الجديد', zh: '新代理人', ru: 'Новый представитель' },
  'Nice class': { fr: 'Classe de Nice', es: 'Clase de Niza', ar: 'صنف نيس', zh: '尼斯分类类别', ru: 'Класс МКТУ' },
  'Notification date': { en: 'Date of notification', fr: 'Date de la notification', es: 'Fecha de la notificación', ar: 'تاريخ الإخطار', zh: '通知日期', ru: 'Дата уведомления' },
  'Number': { fr: 'Numéro', es: 'Número', ar: 'الرقم', zh: '号码', ru: 'Номер' },
  'Objection': { en: 'Objection (number)', fr: 'Objection (numéro)', es: 'Objeción (número)', ar: 'الاعتراض (الرقم)', zh: '异议（编号）', ru: 'Возражение (номер)' },
  'Objections': { fr: 'Objections', es: 'Objeciones', ar: 'الاعتراضات', zh: '审查意见', ru: 'Замечания экспертизы' },
  'Objector': { fr: "Auteur de l'objection", es: 'Objetante', ar: 'المعترض', zh: '异议人', ru: 'Лицо, подавшее возражение' },
  'Of': { en: 'Change concerns', fr: 'Le changement concerne', es: 'El cambio se refiere a', ar: 'يتعلق التغيير بـ', zh: '变更涉及', ru: 'Изменение касается' },
  'Office': { fr: 'Office', es: 'Oficina', ar: 'المكتب', zh: '主管局', ru: 'Ведомство' },
  'Opponent': { fr: 'Opposant', es: 'Oponente', ar: 'المعارض', zh: '异议人', ru: 'Лицо, подавшее возражение' },
  'Outcome': { en: 'Decision', fr: 'Décision', es: 'Decisión', ar: 'القرار', zh: '决定', ru: 'Решение' },
  'Pages': { en: 'Number of pages', fr: 'Nombre de pages', es: 'Número de páginas', ar: 'عدد الصفحات', zh: '页数', ru: 'Количество страниц' },
  'Parties': { fr: 'Parties', es: 'Partes', ar: 'الأطراف', zh: '当事人', ru: 'Стороны' },
  'Parts': { en: 'Parts transferred', fr: 'Parties transférées', es: 'Partes transferidas', ar: 'الأجزاء المنقولة', zh: '转让的部分', ru: 'Передаваемые части' },
  'Party': { en: 'Name and address after the change', fr: 'Nom et adresse après le changement', es: 'Nombre y dirección tras el cambio', ar: 'الاسم والعنوان بعد التغيير', zh: '变更后的名称和地址', ru: 'Имя (наименование) и адрес после изменения' },
  'Priority claims': { fr: 'Revendications de priorité', es: 'Reivindicaciones de prioridad', ar: 'المطالبات بالأولوية', zh: '优先权要求', ru: 'Притязания на приоритет' },
  'Priority number': { en: 'Number of the earlier application', fr: 'Numéro de la demande antérieure', es: 'Número de la solicitud anterior', ar: 'رقم الطلب السابق', zh: '在先申请号', ru: 'Номер предшествующей заявки' },
  'Product': { fr: 'Produit', es: 'Producto', ar: 'المنتج', zh: '产品', ru: 'Товар' },
  'Products': { en: 'Indication of products', fr: 'Indication des produits', es: 'Indicación de los productos', ar: 'بيان المنتجات', zh: '产品名称', ru: 'Изделия' },
  'Public': { en: 'Public', fr: 'Public', es: 'Público', ar: 'علني', zh: '公开', ru: 'Публичное' },
  'Publication date': { en: 'Date of publication', fr: 'Date de publication', es: 'Fecha de publicación', ar: 'تاريخ النشر', zh: '公布日期', ru: 'Дата публикации' },
  'Publication number': { fr: 'Numéro de publication', es: 'Número de publicación', ar: 'رقم النشر', zh: '公布号', ru: 'Номер публикации' },
  'Reasons': { fr: 'Motifs', es: 'Motivos', ar: 'الأسباب', zh: '理由', ru: 'Обоснование' },
  'Registration date': { en: 'Date of registration', fr: "Date d'enregistrement", es: 'Fecha de registro', ar: 'تاريخ التسجيل', zh: '注册日期', ru: 'Дата регистрации' },
  'Remarks': { fr: 'Observations', es: 'Observaciones', ar: 'الملاحظات', zh: '意见陈述', ru: 'Комментарии' },
  'Report': { fr: 'Rapport', es: 'Informe', ar: 'التقرير', zh: '报告', ru: 'Отчёт' },
  'Representative': { fr: 'Mandataire', es: 'Representante', ar: 'الوكيل', zh: '代理人', ru: 'Представитель' },
  'Request examination': { en: 'Request for examination', fr: 'Requête en examen', es: 'Petición de examen', ar: 'طلب الفحص', zh: '实质审查请求', ru: 'Ходатайство о проведении экспертизы' },
  'Requester': { fr: 'Requérant', es: 'Peticionario', ar: 'مقدم الطلب', zh: '请求人', ru: 'Лицо, подавшее заявление' },
  'Restoration': { en: 'Restoration of the right of priority', fr: 'Restauration du droit de priorité', es: 'Restablecimiento del derecho de prioridad', ar: 'إعادة حق الأولوية', zh: '恢复优先权', ru: 'Восстановление права приоритета' },
  'Role': { fr: 'Qualité', es: 'Calidad', ar: 'الصفة', zh: '身份', ru: 'Роль' },
  'Security': { en: 'Security interest', fr: 'Sûreté', es: 'Garantía', ar: 'حق الضمان', zh: '担保权益', ru: 'Залог' },
  'Since': { en: 'In this state since', fr: 'Dans cet état depuis le', es: 'En este estado desde', ar: 'في هذه الحالة منذ', zh: '处于该状态的起始日期', ru: 'В этом состоянии с' },
  'Source': { en: 'Previous register', fr: 'Registre antérieur', es: 'Registro anterior', ar: 'السجل السابق', zh: '原登记簿', ru: 'Прежний реестр' },
  'Specification': { en: 'Product specification', fr: 'Cahier des charges', es: 'Pliego de condiciones', ar: 'دفتر المواصفات', zh: '产品规范', ru: 'Спецификация' },
  'State': { en: 'State of the procedure', fr: 'État de la procédure', es: 'Estado del procedimiento', ar: 'حالة الإجراء', zh: '程序状态', ru: 'Стадия процедуры' },
  'Statement': { en: 'Statement of grounds', fr: 'Exposé des motifs', es: 'Exposición de motivos', ar: 'بيان الأسباب', zh: '理由陈述', ru: 'Изложение доводов' },
  'Subclass': { fr: 'Sous-classe', es: 'Subclase', ar: 'الصنف الفرعي', zh: '小类', ru: 'Подкласс' },
  'Subsequent designation date': { en: 'Date of the subsequent designation', fr: 'Date de la désignation postérieure', es: 'Fecha de la designación posterior', ar: 'تاريخ التعيين اللاحق', zh: '后期指定日期', ru: 'Дата последующего указания' },
  'Summary': { en: 'Summary of the amendment', fr: 'Résumé de la modification', es: 'Resumen de la modificación', ar: 'موجز التعديل', zh: '修改概述', ru: 'Краткое изложение изменения' },
  'Terms': { en: 'Goods and services (terms)', fr: 'Libellés', es: 'Indicaciones', ar: 'البيانات', zh: '商品和服务项目', ru: 'Наименования товаров и услуг' },
  'Territory': { fr: 'Territoire', es: 'Territorio', ar: 'الإقليم', zh: '地域范围', ru: 'Территория' },
  'Text': { fr: 'Texte', es: 'Texto', ar: 'النص', zh: '文字', ru: 'Текст' },
  'Title': { fr: 'Titre', es: 'Título', ar: 'التسمية', zh: '标题', ru: 'Название' },
  'Translation': { fr: 'Traduction', es: 'Traducción', ar: 'الترجمة', zh: '译文', ru: 'Перевод' },
  'Transliteration': { fr: 'Translittération', es: 'Transliteración', ar: 'النقل الحرفي', zh: '音译', ru: 'Транслитерация' },
  'Type': { fr: 'Type', es: 'Tipo', ar: 'النوع', zh: '类型', ru: 'Тип' },
  'Until': { en: 'Valid until', fr: "Valable jusqu'au", es: 'Válida hasta', ar: 'صالح حتى', zh: '有效期至', ru: 'Действует до' },
  'Vienna codes': { fr: 'Codes de Vienne', es: 'Códigos de Viena', ar: 'رموز تصنيف فيينا', zh: '维也纳分类代码', ru: 'Коды Венской классификации' },
  'Views': { fr: 'Vues', es: 'Vistas', ar: 'المناظر', zh: '视图', ru: 'Виды' },
};

/** ST.14 categories of documents cited in a search report: the letter stays, its meaning is added. */
const CITATION_CATEGORIES: Record<string, FieldWords> = {
  'category=&': { en: '& — member of the same patent family', fr: '& — membre de la même famille de brevets', es: '& — miembro de la misma familia de patentes', ar: '& — عضو في أسرة البراءات نفسها', zh: '& — 同族专利文件', ru: '& — член того же патентного семейства' },
  'category=A': { en: 'A — defining the general state of the art', fr: "A — définissant l'état général de la technique", es: 'A — que define el estado general de la técnica', ar: 'A — وثيقة تحدد حالة التقنية الصناعية العامة', zh: 'A — 一般现有技术文件', ru: 'A — определяющий общий уровень техники' },
  'category=D': { en: 'D — cited in the application', fr: 'D — cité dans la demande', es: 'D — citado en la solicitud', ar: 'D — وثيقة مذكورة في الطلب', zh: 'D — 申请中引用的文件', ru: 'D — приведённый в заявке' },
  'category=E': { en: 'E — earlier patent document published on or after the filing date', fr: 'E — document de brevet antérieur publié à la date de dépôt ou après', es: 'E — documento de patente anterior publicado en la fecha de presentación o después', ar: 'E — وثيقة براءة سابقة منشورة في تاريخ الإيداع أو بعده', zh: 'E — 抵触申请文件', ru: 'E — более ранний патентный документ, опубликованный на дату подачи или после неё' },
  'category=L': { en: 'L — cited for other reasons', fr: "L — cité pour d'autres raisons", es: 'L — citado por otras razones', ar: 'L — وثيقة مذكورة لأسباب أخرى', zh: 'L — 由于其他原因引用的文件', ru: 'L — приведённый по иным причинам' },
  'category=O': { en: 'O — non-written disclosure', fr: 'O — divulgation non écrite', es: 'O — divulgación no escrita', ar: 'O — كشف غير مكتوب', zh: 'O — 非书面公开', ru: 'O — неписьменное раскрытие' },
  'category=P': { en: 'P — published between the priority date and the filing date', fr: 'P — publié entre la date de priorité et la date de dépôt', es: 'P — publicado entre la fecha de prioridad y la de presentación', ar: 'P — منشورة بين تاريخ الأولوية وتاريخ الإيداع', zh: 'P — 中间文件（优先权日与申请日之间公布）', ru: 'P — опубликованный между датой приоритета и датой подачи' },
  'category=T': { en: 'T — theory or principle underlying the invention', fr: "T — théorie ou principe à la base de l'invention", es: 'T — teoría o principio en que se basa la invención', ar: 'T — نظرية أو مبدأ يقوم عليه الاختراع', zh: 'T — 构成发明基础的理论或原理', ru: 'T — теория или принцип, лежащие в основе изобретения' },
  'category=X': { en: 'X — particularly relevant taken alone', fr: 'X — particulièrement pertinent à lui seul', es: 'X — especialmente relevante por sí solo', ar: 'X — وثيقة ذات صلة خاصة بمفردها', zh: 'X — 单独影响新颖性或创造性', ru: 'X — особо релевантный сам по себе' },
  'category=Y': { en: 'Y — particularly relevant combined with another document', fr: 'Y — particulièrement pertinent en combinaison avec un autre document', es: 'Y — especialmente relevante en combinación con otro documento', ar: 'Y — وثيقة ذات صلة خاصة بالاقتران مع وثيقة أخرى', zh: 'Y — 与其他文件结合影响创造性', ru: 'Y — особо релевантный в сочетании с другим документом' },
};

/** ST.96 ProductCategoryType values of a geographical indication, as the schema spells them. */
const GI_PRODUCT_CATEGORIES: Record<string, FieldWords> = {
  'category=Agricultural Product or Food': { en: 'Agricultural product or foodstuff', fr: 'Produit agricole ou denrée alimentaire', es: 'Producto agrícola o alimenticio', ar: 'منتج زراعي أو غذائي', zh: '农产品或食品', ru: 'Сельскохозяйственный или пищевой продукт' },
  'category=Bakers wares': { en: "Bakers' wares", fr: 'Produits de boulangerie', es: 'Productos de panadería', ar: 'منتجات المخابز', zh: '面包糕点', ru: 'Хлебобулочные изделия' },
  'category=Beer': { fr: 'Bière', es: 'Cerveza', ar: 'الجعة', zh: '啤酒', ru: 'Пиво' },
  'category=Beverages made from plant extracts': { fr: "Boissons à base d'extraits de plantes", es: 'Bebidas a base de extractos de plantas', ar: 'مشروبات من مستخلصات نباتية', zh: '植物提取物饮料', ru: 'Напитки из растительных экстрактов' },
  'category=Butter': { fr: 'Beurre', es: 'Mantequilla', ar: 'الزبدة', zh: '黄油', ru: 'Сливочное масло' },
  'category=Cereals': { fr: 'Céréales', es: 'Cereales', ar: 'الحبوب', zh: '谷物', ru: 'Зерновые' },
  'category=Cheese': { fr: 'Fromage', es: 'Queso', ar: 'الجبن', zh: '奶酪', ru: 'Сыр' },
  'category=Chocolate and derived products': { fr: 'Chocolat et produits dérivés', es: 'Chocolate y productos derivados', ar: 'الشوكولاتة ومشتقاتها', zh: '巧克力及其制品', ru: 'Шоколад и продукты из него' },
  'category=Clothing': { fr: 'Vêtements', es: 'Prendas de vestir', ar: 'الملابس', zh: '服装', ru: 'Одежда' },
  'category=Cochineal': { fr: 'Cochenille', es: 'Cochinilla', ar: 'القرمز', zh: '胭脂虫', ru: 'Кошениль' },
  'category=Coffee': { fr: 'Café', es: 'Café', ar: 'البن', zh: '咖啡', ru: 'Кофе' },
  'category=Confectionery and baked products': { fr: 'Confiserie et pâtisserie', es: 'Confitería y productos horneados', ar: 'الحلويات والمخبوزات', zh: '糖果和焙烤食品', ru: 'Кондитерские изделия и выпечка' },
  'category=Cork': { fr: 'Liège', es: 'Corcho', ar: 'الفلين', zh: '软木', ru: 'Пробка' },
  'category=Cotton': { fr: 'Coton', es: 'Algodón', ar: 'القطن', zh: '棉花', ru: 'Хлопок' },
  'category=Crafts': { fr: 'Artisanat', es: 'Artesanía', ar: 'الحرف اليدوية', zh: '手工艺品', ru: 'Изделия народных промыслов' },
  'category=Diary': { en: 'Dairy products', fr: 'Produits laitiers', es: 'Productos lácteos', ar: 'منتجات الألبان', zh: '乳制品', ru: 'Молочные продукты' },
  'category=Endemic species': { fr: 'Espèces endémiques', es: 'Especies endémicas', ar: 'الأنواع المستوطنة', zh: '特有物种', ru: 'Эндемичные виды' },
  'category=Essential oils': { fr: 'Huiles essentielles', es: 'Aceites esenciales', ar: 'الزيوت العطرية', zh: '精油', ru: 'Эфирные масла' },
  'category=Feather': { en: 'Feathers', fr: 'Plumes', es: 'Plumas', ar: 'الريش', zh: '羽毛', ru: 'Перо' },
  'category=Fish': { fr: 'Poisson', es: 'Pescado', ar: 'الأسماك', zh: '鱼类', ru: 'Рыба' },
  'category=Flowers and ornamental plants': { fr: 'Fleurs et plantes ornementales', es: 'Flores y plantas ornamentales', ar: 'الزهور ونباتات الزينة', zh: '花卉和观赏植物', ru: 'Цветы и декоративные растения' },
  'category=Forest product': { en: 'Forest products', fr: 'Produits forestiers', es: 'Productos forestales', ar: 'المنتجات الحرجية', zh: '林产品', ru: 'Лесная продукция' },
  'category=Fruit': { fr: 'Fruits', es: 'Frutas', ar: 'الفواكه', zh: '水果', ru: 'Фрукты' },
  'category=Fur': { fr: 'Fourrure', es: 'Peletería', ar: 'الفراء', zh: '毛皮', ru: 'Мех' },
  'category=Game': { fr: 'Gibier', es: 'Caza', ar: 'الطرائد', zh: '野味', ru: 'Дичь' },
  'category=Gingerbread': { fr: "Pain d'épices", es: 'Pan de jengibre', ar: 'خبز الزنجبيل', zh: '姜饼', ru: 'Пряники' },
  'category=Ginseng': { fr: 'Ginseng', es: 'Ginseng', ar: 'الجنسنغ', zh: '人参', ru: 'Женьшень' },
  'category=Glass': { fr: 'Verre', es: 'Vidrio', ar: 'الزجاج', zh: '玻璃', ru: 'Стекло' },
  'category=Hay': { fr: 'Foin', es: 'Heno', ar: 'التبن', zh: '干草', ru: 'Сено' },
  'category=Honey': { fr: 'Miel', es: 'Miel', ar: 'العسل', zh: '蜂蜜', ru: 'Мёд' },
  'category=Hops': { fr: 'Houblon', es: 'Lúpulo', ar: 'حشيشة الدينار', zh: '啤酒花', ru: 'Хмель' },
  'category=Leather': { fr: 'Cuir', es: 'Cuero', ar: 'الجلد', zh: '皮革', ru: 'Кожа' },
  'category=Manufactured products': { fr: 'Produits manufacturés', es: 'Productos manufacturados', ar: 'المنتجات المصنّعة', zh: '制成品', ru: 'Промышленные изделия' },
  'category=Meat': { fr: 'Viande', es: 'Carne', ar: 'اللحوم', zh: '肉类', ru: 'Мясо' },
  'category=Mineral water': { fr: 'Eau minérale', es: 'Agua mineral', ar: 'المياه المعدنية', zh: '矿泉水', ru: 'Минеральная вода' },
  'category=Music': { fr: 'Musique', es: 'Música', ar: 'الموسيقى', zh: '音乐', ru: 'Музыка' },
  'category=Mustard paste': { fr: 'Moutarde', es: 'Mostaza', ar: 'معجون الخردل', zh: '芥末酱', ru: 'Горчица' },
  'category=Natural goods': { fr: 'Produits naturels', es: 'Productos naturales', ar: 'المنتجات الطبيعية', zh: '天然产品', ru: 'Природные продукты' },
  'category=Natural gums and resins': { fr: 'Gommes et résines naturelles', es: 'Gomas y resinas naturales', ar: 'الصموغ والراتنجات الطبيعية', zh: '天然树胶和树脂', ru: 'Натуральные камеди и смолы' },
  'category=NonAlcohol': { en: 'Non-alcoholic beverages', fr: 'Boissons non alcoolisées', es: 'Bebidas sin alcohol', ar: 'المشروبات غير الكحولية', zh: '无酒精饮料', ru: 'Безалкогольные напитки' },
  'category=Oils and fats': { fr: 'Huiles et matières grasses', es: 'Aceites y grasas', ar: 'الزيوت والدهون', zh: '油脂', ru: 'Масла и жиры' },
  'category=Oilseeds': { fr: 'Graines oléagineuses', es: 'Semillas oleaginosas', ar: 'البذور الزيتية', zh: '油籽', ru: 'Масличные семена' },
  'category=Other': { fr: 'Autre', es: 'Otra', ar: 'أخرى', zh: '其他', ru: 'Прочее' },
  'category=Other alcohol': { en: 'Other alcoholic beverages', fr: 'Autres boissons alcoolisées', es: 'Otras bebidas alcohólicas', ar: 'مشروبات كحولية أخرى', zh: '其他酒精饮料', ru: 'Прочие алкогольные напитки' },
  'category=Pasta': { fr: 'Pâtes alimentaires', es: 'Pastas alimenticias', ar: 'المعكرونة', zh: '面食', ru: 'Макаронные изделия' },
  'category=Prepared meals': { fr: 'Plats cuisinés', es: 'Platos preparados', ar: 'الوجبات الجاهزة', zh: '预制菜肴', ru: 'Готовые блюда' },
  'category=Products of the milling industry': { fr: 'Produits de la meunerie', es: 'Productos de la molinería', ar: 'منتجات المطاحن', zh: '碾磨工业产品', ru: 'Продукты мукомольной промышленности' },
  'category=Religious': { en: 'Religious articles', fr: 'Articles religieux', es: 'Artículos religiosos', ar: 'المنتجات الدينية', zh: '宗教用品', ru: 'Предметы религиозного назначения' },
  'category=Salt': { fr: 'Sel', es: 'Sal', ar: 'الملح', zh: '盐', ru: 'Соль' },
  'category=Scutched flax': { fr: 'Lin teillé', es: 'Lino espadillado', ar: 'الكتان المنفوض', zh: '打麻亚麻', ru: 'Трёпаный лён' },
  'category=Spices': { fr: 'Épices', es: 'Especias', ar: 'التوابل', zh: '香料', ru: 'Пряности' },
  'category=Spirits': { fr: 'Boissons spiritueuses', es: 'Bebidas espirituosas', ar: 'المشروبات الروحية', zh: '烈酒', ru: 'Спиртные напитки' },
  'category=Stone': { fr: 'Pierre', es: 'Piedra', ar: 'الحجر', zh: '石材', ru: 'Камень' },
  'category=Sugars and syrups': { fr: 'Sucres et sirops', es: 'Azúcares y jarabes', ar: 'السكريات والأشربة', zh: '糖和糖浆', ru: 'Сахара и сиропы' },
  'category=Table and processed olives': { fr: 'Olives de table et olives transformées', es: 'Aceitunas de mesa y transformadas', ar: 'زيتون المائدة والزيتون المصنّع', zh: '餐用橄榄和加工橄榄', ru: 'Столовые и переработанные оливки' },
  'category=Tea': { fr: 'Thé', es: 'Té', ar: 'الشاي', zh: '茶叶', ru: 'Чай' },
  'category=Textile': { en: 'Textiles', fr: 'Textiles', es: 'Textiles', ar: 'المنسوجات', zh: '纺织品', ru: 'Текстиль' },
  'category=Vegetable': { en: 'Vegetables', fr: 'Légumes', es: 'Hortalizas', ar: 'الخضروات', zh: '蔬菜', ru: 'Овощи' },
  'category=Vinegar': { fr: 'Vinaigre', es: 'Vinagre', ar: 'الخل', zh: '醋', ru: 'Уксус' },
  'category=Wicker': { fr: 'Osier', es: 'Mimbre', ar: 'الخوص', zh: '柳条', ru: 'Ивовая лоза' },
  'category=Wine': { fr: 'Vin', es: 'Vino', ar: 'النبيذ', zh: '葡萄酒', ru: 'Вино' },
  'category=Wool': { fr: 'Laine', es: 'Lana', ar: 'الصوف', zh: '羊毛', ru: 'Шерсть' },
};

/** Kinds of mark (ST.96 MarkFeatureCategory): named once, in common.ts, for every page. */
const MARK_KINDS: Record<string, SameAs> = Object.fromEntries(
  Object.entries(MARK_KIND_KEY).map(([value, key]) => [`kind=${value}`, { same: `markKind.${key}` as SharedKey }]),
);

export const FIELD_VALUES: Record<string, FieldEntry> = {
  ...CITATION_CATEGORIES,
  ...GI_PRODUCT_CATEGORIES,
  ...MARK_KINDS,
  'code=contrary-to-morality': { en: 'Contrary to morality', fr: 'Contraire aux bonnes mœurs', es: 'Contrario a la moral', ar: 'مخالف للآداب العامة', zh: '违反社会公德', ru: 'Противоречит принципам морали' },
  'code=contrary-to-public-policy': { en: 'Contrary to public policy', fr: "Contraire à l'ordre public", es: 'Contrario al orden público', ar: 'مخالف للنظام العام', zh: '违反公共秩序', ru: 'Противоречит публичному порядку' },
  'code=not-a-design': { en: 'Not a design', fr: 'Ne constitue pas un dessin ou modèle', es: 'No constituye un diseño', ar: 'لا يشكل تصميمًا', zh: '不属于外观设计', ru: 'Не является промышленным образцом' },
  'grounds=area-or-link-not-substantiated': { en: 'Area or link with the origin not substantiated', fr: "Aire ou lien avec l'origine non établis", es: 'Zona o vínculo con el origen no acreditados', ar: 'عدم إثبات المنطقة أو الصلة بالمنشأ', zh: '地理区域或与来源的关联未经证实', ru: 'Район или связь с происхождением не обоснованы' },
  'grounds=bad-faith': { fr: 'Mauvaise foi', es: 'Mala fe', ar: 'سوء النية', zh: '恶意', ru: 'Недобросовестность' },
  'grounds=conflict-with-earlier-trademark': { en: 'Conflict with an earlier trademark', fr: 'Conflit avec une marque antérieure', es: 'Conflicto con una marca anterior', ar: 'تعارض مع علامة تجارية سابقة', zh: '与在先商标冲突', ru: 'Коллизия с более ранним товарным знаком' },
  'grounds=earlier-unregistered-right': { fr: 'Droit antérieur non enregistré', es: 'Derecho anterior no registrado', ar: 'حق سابق غير مسجل', zh: '在先未注册权利', ru: 'Более раннее незарегистрированное право' },
  'grounds=generic-name': { en: 'Generic term', fr: 'Dénomination générique', es: 'Denominación genérica', ar: 'تسمية عامة', zh: '通用名称', ru: 'Родовое наименование' },
  'grounds=homonym-misleading': { en: 'Misleading homonym', fr: 'Homonyme trompeur', es: 'Homónimo engañoso', ar: 'اسم متجانس مضلل', zh: '误导性同名', ru: 'Вводящее в заблуждение омонимичное наименование' },
  'grounds=identical-mark': { fr: 'Marque identique', es: 'Marca idéntica', ar: 'علامة مطابقة', zh: '相同商标', ru: 'Тождественный знак' },
  'grounds=likelihood-of-confusion': { fr: 'Risque de confusion', es: 'Riesgo de confusión', ar: 'احتمال اللبس', zh: '混淆可能性', ru: 'Опасность смешения' },
  'grounds=not-a-geographical-indication': { en: 'Not a geographical indication', fr: 'Ne constitue pas une indication géographique', es: 'No constituye una indicación geográfica', ar: 'لا يشكل مؤشرًا جغرافيًا', zh: '不构成地理标志', ru: 'Не является географическим указанием' },
  'grounds=other': { en: 'Other ground', fr: 'Autre motif', es: 'Otro motivo', ar: 'سبب آخر', zh: '其他理由', ru: 'Иное основание' },
  'grounds=plant-variety-or-animal-breed': { en: 'Name of a plant variety or an animal breed', fr: "Nom d'une variété végétale ou d'une race animale", es: 'Nombre de una variedad vegetal o de una raza animal', ar: 'اسم صنف نباتي أو سلالة حيوانية', zh: '植物品种或动物品种名称', ru: 'Название сорта растения или породы животного' },
  'grounds=reputation': { en: 'Mark with a reputation', fr: 'Marque renommée', es: 'Marca renombrada', ar: 'علامة ذات شهرة', zh: '具有声誉的商标', ru: 'Знак, обладающий репутацией' },
  'grounds=specification-not-met': { en: 'Specification not complied with', fr: 'Cahier des charges non respecté', es: 'Incumplimiento del pliego de condiciones', ar: 'عدم التقيد بدفتر المواصفات', zh: '不符合产品规范', ru: 'Несоблюдение спецификации' },
  'kind=Appellation of Origin': { en: 'Appellation of origin', fr: "Appellation d'origine", es: 'Denominación de origen', ar: 'تسمية منشأ', zh: '原产地名称', ru: 'Наименование места происхождения' },
  'kind=Geographical Indication': { en: 'Geographical indication', fr: 'Indication géographique', es: 'Indicación geográfica', ar: 'مؤشر جغرافي', zh: '地理标志', ru: 'Географическое указание' },
  'kind=certification-body': { fr: 'Organisme de certification', es: 'Organismo de certificación', ar: 'هيئة إصدار الشهادات', zh: '认证机构', ru: 'Орган по сертификации' },
  'kind=change-of-address': { same: 'recordalKind.change-of-address' },
  'kind=change-of-name': { same: 'recordalKind.change-of-name' },
  'kind=legal': { same: 'filing.party.legal' },
  'kind=licence': { same: 'recordalKind.licence' },
  'kind=natural': { same: 'filing.party.natural' },
  'kind=public-authority': { fr: 'Autorité publique', es: 'Autoridad pública', ar: 'سلطة عامة', zh: '公共机构', ru: 'Государственный орган' },
  'kind=representative': { same: 'recordalKind.representative' },
  'kind=security-interest': { same: 'recordalKind.security-interest' },
  'kind=transfer': { same: 'recordalKind.transfer' },
  'language=en': { en: 'English', fr: 'Anglais', es: 'Inglés', ar: 'الإنكليزية', zh: '英语', ru: 'Английский' },
  'language=es': { en: 'Spanish', fr: 'Espagnol', es: 'Español', ar: 'الإسبانية', zh: '西班牙语', ru: 'Испанский' },
  'language=fr': { en: 'French', fr: 'Français', es: 'Francés', ar: 'الفرنسية', zh: '法语', ru: 'Французский' },
  'legalForm=association': { fr: 'Association', es: 'Asociación', ar: 'جمعية', zh: '协会', ru: 'Ассоциация' },
  'legalForm=consortium': { fr: 'Consortium', es: 'Consorcio', ar: 'كونسورتيوم', zh: '联合体', ru: 'Консорциум' },
  'legalForm=cooperative': { fr: 'Coopérative', es: 'Cooperativa', ar: 'تعاونية', zh: '合作社', ru: 'Кооператив' },
  'legalForm=other': { fr: 'Autre', es: 'Otra', ar: 'أخرى', zh: '其他', ru: 'Иная' },
  'legalForm=public-authority': { fr: 'Autorité publique', es: 'Autoridad pública', ar: 'سلطة عامة', zh: '公共机构', ru: 'Государственный орган' },
  'of=holder': { en: 'Holder or applicant', fr: 'Titulaire ou déposant', es: 'Titular o solicitante', ar: 'صاحب التسجيل أو مودع الطلب', zh: '注册人或申请人', ru: 'Владелец или заявитель' },
  'of=representative': { same: 'recordalKind.representative' },
  'outcome=rejected': { en: 'Objection rejected', fr: 'Objection rejetée', es: 'Objeción desestimada', ar: 'رفض الاعتراض', zh: '异议不成立', ru: 'Возражение отклонено' },
  'outcome=upheld': { en: 'Objection upheld', fr: 'Objection accueillie', es: 'Objeción estimada', ar: 'قبول الاعتراض', zh: '异议成立', ru: 'Возражение удовлетворено' },
  'outcome=withdrawn': { en: 'Objection withdrawn', fr: 'Objection retirée', es: 'Objeción retirada', ar: 'سحب الاعتراض', zh: '异议已撤回', ru: 'Возражение отозвано' },
};

/**
 * Values shown as written in every language: GeoJSON's names of geometries, which must match the
 * coordinates given beside them and are read as such by the tools that draw the area.
 */
export const VALUES_AS_WRITTEN: ReadonlySet<string> = new Set(['type=MultiPolygon', 'type=Polygon']);

/** The schemas' descriptions, shown as hints under their fields. */
export const FIELD_HINTS: Record<string, FieldWords> = {
  'WIPO ST.3 code of the office of first filing': { fr: "Code ST.3 de l'OMPI de l'office du premier dépôt", es: 'Código ST.3 de la OMPI de la oficina de la primera presentación', ar: 'رمز الويبو ST.3 للمكتب الذي أودع فيه الطلب الأول', zh: '首次申请受理局的WIPO ST.3代码', ru: 'Код ВОИС ST.3 ведомства первой подачи' },
  'e.g. PCT/XX2025/000123': { fr: 'p. ex. PCT/XX2025/000123', es: 'p. ej. PCT/XX2025/000123', ar: 'مثال: PCT/XX2025/000123', zh: '例如 PCT/XX2025/000123', ru: 'например, PCT/XX2025/000123' },
  'e.g. WO2025/123456': { fr: 'p. ex. WO2025/123456', es: 'p. ej. WO2025/123456', ar: 'مثال: WO2025/123456', zh: '例如 WO2025/123456', ru: 'например, WO2025/123456' },
};

function words(lang: Lang, e: FieldEntry | undefined): string | undefined {
  if (!e) return undefined;
  if ('same' in e) return shared(lang, e.same);
  return lang === 'en' ? e.en : e[lang];
}

/**
 * A field's label, or undefined when the caller is to use the law's title (LAW_TEXT) or the English
 * as it is. `document`: the field is an uploaded document, named by the law's title where it has one.
 */
export function fieldText(lang: Lang, english: string, document = false): string | undefined {
  if (document && english in LAW_TEXT) return undefined;
  return words(lang, FIELD_LABELS[english]);
}

/** An enumerated value of `field` as words, or undefined when it has none here. */
export function valueText(lang: Lang, field: string, value: string): string | undefined {
  return words(lang, FIELD_VALUES[`${field}=${value}`]);
}

export function hintText(lang: Lang, english: string): string | undefined {
  return words(lang, FIELD_HINTS[english]);
}
