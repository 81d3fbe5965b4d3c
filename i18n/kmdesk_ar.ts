<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>AccessEditor</name>
    <message>
        <source>Who may read this record</source>
        <translation>من يجوز له قراءة هذا السجل</translation>
    </message>
    <message>
        <source>The record&apos;s community (the same as on the Description page); a community record opens for its members.</source>
        <translation>مجتمع السجل (نفسه الوارد في صفحة الوصف)؛ يُفتح سجل المجتمع لأعضائه.</translation>
    </message>
    <message>
        <source>Cultural protocols</source>
        <translation>البروتوكولات الثقافية</translation>
    </message>
    <message>
        <source>Members of all ticked protocols</source>
        <translation>أعضاء جميع البروتوكولات المحددة</translation>
    </message>
    <message>
        <source>Members of any one of them</source>
        <translation>أعضاء أي واحد منها</translation>
    </message>
    <message>
        <source>Custodians of this sacred record</source>
        <translation>أمناء هذا السجل المقدس</translation>
    </message>
    <message>
        <source>Local Contexts labels and notices</source>
        <translation>تسميات وإشعارات Local Contexts</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>المجتمع</translation>
    </message>
    <message>
        <source>Protecting a record needs an unlocked profile that holds the community&apos;s or the protocols&apos; keys.</source>
        <translation>تتطلب حماية السجل ملفًا شخصيًا غير مقفل يحمل مفاتيح المجتمع أو البروتوكولات.</translation>
    </message>
    <message>
        <source>You are not a member of any cultural protocol you could apply.</source>
        <translation>لست عضوًا في أي بروتوكول ثقافي يمكنك تطبيقه.</translation>
    </message>
    <message>
        <source>You are not a member of this protocol, so it stays on the record as it is.</source>
        <translation>لست عضوًا في هذا البروتوكول، لذا يبقى على السجل كما هو.</translation>
    </message>
    <message>
        <source>Open protocol: anyone with a profile may read, members may edit.</source>
        <translation>بروتوكول مفتوح: يجوز لأي شخص لديه ملف شخصي القراءة، ويجوز للأعضاء التعديل.</translation>
    </message>
    <message>
        <source>Strict protocol: members only.</source>
        <translation>بروتوكول صارم: للأعضاء فقط.</translation>
    </message>
    <message>
        <source>{code} · {name}</source>
        <translation>{code} · {name}</translation>
    </message>
    <message>
        <source>This label forbids sharing with the CHM.</source>
        <translation>هذه التسمية تمنع المشاركة مع آلية تبادل المعلومات.</translation>
    </message>
    <message>
        <source>{community} ({language}), Hub project {project}: {text}</source>
        <translation>{community} ({language})، مشروع Hub {project}: {text}</translation>
    </message>
</context>
<context>
    <name>ActionsController</name>
    <message>
        <source>&amp;New record…</source>
        <translation>سجل &amp;جديد…</translation>
    </message>
    <message>
        <source>Create a record</source>
        <translation>إنشاء سجل</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;استيراد…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>ت&amp;صدير…</translation>
    </message>
    <message>
        <source>&amp;Rebuild search index…</source>
        <translation>إعادة &amp;بناء فهرس البحث…</translation>
    </message>
    <message>
        <source>&amp;Check index</source>
        <translation>&amp;فحص الفهرس</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;تراجع</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>إ&amp;عادة</translation>
    </message>
    <message>
        <source>&amp;Edit record…</source>
        <translation>&amp;تعديل السجل…</translation>
    </message>
    <message>
        <source>Edit the selected record</source>
        <translation>تعديل السجل المحدد</translation>
    </message>
    <message>
        <source>&amp;Delete record…</source>
        <translation>&amp;حذف السجل…</translation>
    </message>
    <message>
        <source>Delete the selected record</source>
        <translation>حذف السجل المحدد</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;بحث</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>ت&amp;حديث</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>التف&amp;ضيلات…</translation>
    </message>
    <message>
        <source>&amp;About kmdesk</source>
        <translation>&amp;حول kmdesk</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>ت&amp;حرير</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;اللغة</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>شريط الأدوات الرئيسي</translation>
    </message>
    <message>
        <source>Search titles, texts, places, people…</source>
        <translation>ابحث في العناوين والنصوص والأماكن والأشخاص…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>بحث</translation>
    </message>
    <message>
        <source>Words to look for in titles, texts, places and people; the list shows what they find as you type (Ctrl+F comes here).</source>
        <translation>كلمات للبحث عنها في العناوين والنصوص والأماكن والأشخاص؛ تعرض القائمة ما تجده أثناء الكتابة (يوصل Ctrl+F إلى هنا).</translation>
    </message>
</context>
<context>
    <name>AddProfileDialog</name>
    <message>
        <source>Add a profile</source>
        <translation>إضافة ملف شخصي</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>عبارة المرور</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>عبارة المرور مرة أخرى</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>الأدوار</translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation>أعطِ الملف الشخصي اسمًا.</translation>
    </message>
    <message>
        <source>The passphrase needs at least 8 characters.</source>
        <translation>تحتاج عبارة المرور إلى 8 أحرف على الأقل.</translation>
    </message>
    <message>
        <source>The two passphrases differ; type them again.</source>
        <translation>عبارتا المرور مختلفتان؛ اكتبهما مرة أخرى.</translation>
    </message>
    <message>
        <source>Choose at least one role.</source>
        <translation>اختر دورًا واحدًا على الأقل.</translation>
    </message>
</context>
<context>
    <name>AddProtocolDialog</name>
    <message>
        <source>Add a cultural protocol</source>
        <translation>إضافة بروتوكول ثقافي</translation>
    </message>
    <message>
        <source>e.g. Women&apos;s knowledge, clan X</source>
        <translation>مثال: معارف النساء، العشيرة س</translation>
    </message>
    <message>
        <source>(across communities)</source>
        <translation>(عبر المجتمعات)</translation>
    </message>
    <message>
        <source>Strict: only members may see its records</source>
        <translation>صارم: لا يرى سجلاته إلا الأعضاء</translation>
    </message>
    <message>
        <source>Open: anyone with a profile may see, members may edit</source>
        <translation>مفتوح: يجوز لأي شخص لديه ملف شخصي الاطلاع، ويجوز للأعضاء التعديل</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>المجتمع</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
</context>
<context>
    <name>AttachmentsView</name>
    <message>
        <source>Files</source>
        <translation>الملفات</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>إضافة ملفات…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>فتح</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>حفظ نسخة…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <source>Sealed file (unlock to see its name)</source>
        <translation>ملف مختوم (افتح القفل لرؤية اسمه)</translation>
    </message>
    <message>
        <source>{name} — {size} KB</source>
        <translation>{name} — {size} ك.ب</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>إرفاق ملفات</translation>
    </message>
    <message>
        <source>Storing {count} file(s)…</source>
        <translation>جارٍ تخزين الملفات ({count})…</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>جارٍ الفتح…</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>حفظ نسخة</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>جارٍ الحفظ…</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change the passphrase of {name}</source>
        <translation>تغيير عبارة المرور لـ {name}</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>عبارة المرور الحالية</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>عبارة المرور الجديدة</translation>
    </message>
    <message>
        <source>New passphrase again</source>
        <translation>عبارة المرور الجديدة مرة أخرى</translation>
    </message>
    <message>
        <source>The new passphrase needs at least 8 characters.</source>
        <translation>تحتاج عبارة المرور الجديدة إلى 8 أحرف على الأقل.</translation>
    </message>
    <message>
        <source>The two new passphrases differ; type them again.</source>
        <translation>عبارتا المرور الجديدتان مختلفتان؛ اكتبهما مرة أخرى.</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Records in conflict</source>
        <translation>سجلات في تعارض</translation>
    </message>
    <message>
        <source>These records were changed on two devices at once, in the same field. Both values are kept until you choose one; the other devices learn your choice at the next sync.</source>
        <translation>عُدّلت هذه السجلات على جهازين في الوقت نفسه، في الحقل نفسه. تُحفظ القيمتان إلى أن تختار إحداهما؛ وتعرف الأجهزة الأخرى اختيارك عند المزامنة التالية.</translation>
    </message>
    <message>
        <source>No records in conflict.</source>
        <translation>لا توجد سجلات في تعارض.</translation>
    </message>
    <message>
        <source>{title}: {field}</source>
        <translation>{title}: {field}</translation>
    </message>
    <message>
        <source>Sealed: unlock a profile that may read this record to see its values and choose.</source>
        <translation>مختوم: افتح ملفًا شخصيًا يحق له قراءة هذا السجل لترى قيمه وتختار.</translation>
    </message>
    <message>
        <source>This device</source>
        <translation>هذا الجهاز</translation>
    </message>
    <message>
        <source>Device {id}</source>
        <translation>الجهاز {id}</translation>
    </message>
    <message>
        <source>Keep this value</source>
        <translation>احتفظ بهذه القيمة</translation>
    </message>
    <message>
        <source>Keep the value from {who} for {field} of {title}</source>
        <translation>احتفظ بقيمة {who} للحقل {field} في {title}</translation>
    </message>
    <message>
        <source>deleted on one device, edited on another</source>
        <translation>حُذف على جهاز وعُدّل على آخر</translation>
    </message>
    <message>
        <source>Delete the record</source>
        <translation>احذف السجل</translation>
    </message>
    <message>
        <source>Keep the record</source>
        <translation>احتفظ بالسجل</translation>
    </message>
    <message>
        <source>Kept. The other devices learn your choice at the next sync.</source>
        <translation>تم الحفظ. تعرف الأجهزة الأخرى اختيارك عند المزامنة التالية.</translation>
    </message>
</context>
<context>
    <name>ConsentPanel</name>
    <message>
        <source>Given</source>
        <translation>مُنحت</translation>
    </message>
    <message>
        <source>Granted by</source>
        <translation>مَنَحها</translation>
    </message>
    <message>
        <source>Allows</source>
        <translation>يسمح بـ</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>تنتهي</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>مسحوبة</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>الموافقات</translation>
    </message>
    <message>
        <source>Record consent…</source>
        <translation>تسجيل الموافقة…</translation>
    </message>
    <message>
        <source>Withdraw consent…</source>
        <translation>سحب الموافقة…</translation>
    </message>
    <message>
        <source>Select a record to see its consent.</source>
        <translation>اختر سجلًا لرؤية موافقته.</translation>
    </message>
    <message>
        <source>(sealed)</source>
        <translation>(مختوم)</translation>
    </message>
    <message>
        <source>For the community</source>
        <translation>نيابةً عن المجتمع</translation>
    </message>
    <message>
        <source>Community process</source>
        <translation>عملية المجتمع</translation>
    </message>
    <message>
        <source>Witnesses</source>
        <translation>الشهود</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>المتلقي</translation>
    </message>
    <message>
        <source>Prior information</source>
        <translation>المعلومات المسبقة</translation>
    </message>
    <message>
        <source>Informed in (language)</source>
        <translation>أُبلغ باللغة</translation>
    </message>
    <message>
        <source>Informed how</source>
        <translation>طريقة الإبلاغ</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>الشكل</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>الشروط</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>الإثبات</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>سُجّلت</translation>
    </message>
    <message>
        <source>Withdrawn by</source>
        <translation>سحبها</translation>
    </message>
    <message>
        <source>Reason for withdrawal</source>
        <translation>سبب السحب</translation>
    </message>
    <message>
        <source>Recording and withdrawing consent needs an unlocked custodian profile.</source>
        <translation>يتطلب تسجيل الموافقة وسحبها ملفًا شخصيًا غير مقفل لأمين.</translation>
    </message>
</context>
<context>
    <name>CreatorsPage</name>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>الدور</translation>
    </message>
    <message>
        <source>Creators and knowledge holders</source>
        <translation>المنشئون وحاملو المعارف</translation>
    </message>
    <message>
        <source>Add creator</source>
        <translation>إضافة منشئ</translation>
    </message>
    <message>
        <source>Remove creator</source>
        <translation>إزالة منشئ</translation>
    </message>
</context>
<context>
    <name>CustodianView</name>
    <message>
        <source>Custodian&apos;s view</source>
        <translation>عرض الأمين</translation>
    </message>
    <message>
        <source>Protocols and members</source>
        <translation>البروتوكولات والأعضاء</translation>
    </message>
    <message>
        <source>Communities</source>
        <translation>المجتمعات</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>الملفات الشخصية</translation>
    </message>
    <message>
        <source>Local Contexts</source>
        <translation>Local Contexts</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>سجل التدقيق</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>البروتوكول</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>المجتمع</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>السجلات</translation>
    </message>
    <message>
        <source>Key version</source>
        <translation>إصدار المفتاح</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>الأعضاء</translation>
    </message>
    <message>
        <source>Add protocol…</source>
        <translation>إضافة بروتوكول…</translation>
    </message>
    <message>
        <source>Add member…</source>
        <translation>إضافة عضو…</translation>
    </message>
    <message>
        <source>Remove member…</source>
        <translation>إزالة عضو…</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>البلد</translation>
    </message>
    <message>
        <source>Add community…</source>
        <translation>إضافة مجتمع…</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>الملف الشخصي</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>الأدوار</translation>
    </message>
    <message>
        <source>Protocols</source>
        <translation>البروتوكولات</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>أُنشئ</translation>
    </message>
    <message>
        <source>Add profile…</source>
        <translation>إضافة ملف شخصي…</translation>
    </message>
    <message>
        <source>Change my passphrase…</source>
        <translation>تغيير عبارة المرور الخاصة بي…</translation>
    </message>
    <message>
        <source>Hub project</source>
        <translation>مشروع Hub</translation>
    </message>
    <message>
        <source>Project id</source>
        <translation>معرّف المشروع</translation>
    </message>
    <message>
        <source>Labels and notices</source>
        <translation>التسميات والإشعارات</translation>
    </message>
    <message>
        <source>Cached</source>
        <translation>مخزّن محليًا</translation>
    </message>
    <message>
        <source>Import Hub project from file…</source>
        <translation>استيراد مشروع Hub من ملف…</translation>
    </message>
    <message>
        <source>A Local Contexts Hub project (API v2 JSON) brings the community&apos;s own wording and language for its labels; it is kept here for offline use.</source>
        <translation>يجلب مشروع Local Contexts Hub (بصيغة JSON للواجهة البرمجية v2) صياغة المجتمع ولغته الخاصة لتسمياته؛ ويُحفظ هنا للاستخدام دون اتصال.</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>When</source>
        <translation>متى</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>مَن</translation>
    </message>
    <message>
        <source>What</source>
        <translation>ماذا</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>الهدف المقصود</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>التفاصيل</translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation>التحقق من السلسلة</translation>
    </message>
    <message>
        <source>strict</source>
        <translation>صارم</translation>
    </message>
    <message>
        <source>open</source>
        <translation>مفتوح</translation>
    </message>
    <message>
        <source>{name} (untrusted)</source>
        <translation>{name} (غير موثوق)</translation>
    </message>
    <message>
        <source>Members of {protocol}</source>
        <translation>أعضاء {protocol}</translation>
    </message>
    <message>
        <source>Add a community</source>
        <translation>إضافة مجتمع</translation>
    </message>
    <message>
        <source>Name of the community:</source>
        <translation>اسم المجتمع:</translation>
    </message>
    <message>
        <source>Its country (two-letter code, e.g. pe), or leave empty:</source>
        <translation>بلده (رمز من حرفين، مثل pe)، أو اتركه فارغًا:</translation>
    </message>
    <message>
        <source>Community {name} added.</source>
        <translation>أُضيف المجتمع {name}.</translation>
    </message>
    <message>
        <source>Protocol {name} added.</source>
        <translation>أُضيف البروتوكول {name}.</translation>
    </message>
    <message>
        <source>Add member</source>
        <translation>إضافة عضو</translation>
    </message>
    <message>
        <source>Every profile is already a member of {protocol}.</source>
        <translation>كل ملف شخصي عضو بالفعل في {protocol}.</translation>
    </message>
    <message>
        <source>Give the key of {protocol} to:</source>
        <translation>أعطِ مفتاح {protocol} إلى:</translation>
    </message>
    <message>
        <source>{profile} is now a member of {protocol}.</source>
        <translation>أصبح {profile} عضوًا في {protocol}.</translation>
    </message>
    <message>
        <source>Remove member</source>
        <translation>إزالة عضو</translation>
    </message>
    <message>
        <source>Remove {profile} from {protocol}?

The protocol gets a new key and its {count} record(s) are re-sealed with it, so the key {profile} held opens nothing written from now on. This can take a while.</source>
        <translation>إزالة {profile} من {protocol}؟

يحصل البروتوكول على مفتاح جديد وتُختم سجلاته (العدد: {count}) به من جديد، فلا يفتح المفتاح الذي كان يحمله {profile} أي شيء يُكتب من الآن فصاعدًا. قد يستغرق ذلك بعض الوقت.</translation>
    </message>
    <message>
        <source>What {profile} already synced or copied stays readable to them: removal stops new keys, it cannot take back what they hold.</source>
        <translation>ما زامنه {profile} أو نسخه من قبل يبقى مقروءًا له: الإزالة توقف المفاتيح الجديدة، ولا تستطيع استرجاع ما بحوزته.</translation>
    </message>
    <message>
        <source>{profile} removed from {protocol}; the key was rotated and {count} record(s) re-sealed.</source>
        <translation>أُزيل {profile} من {protocol}؛ تم تغيير المفتاح وأُعيد ختم السجلات (العدد: {count}).</translation>
    </message>
    <message>
        <source>Hub project {title} imported.</source>
        <translation>تم استيراد مشروع Hub {title}.</translation>
    </message>
    <message>
        <source>Rotating the key of {protocol}…</source>
        <translation>جارٍ تغيير مفتاح {protocol}…</translation>
    </message>
    <message>
        <source>Profile {name} added.</source>
        <translation>أُضيف الملف الشخصي {name}.</translation>
    </message>
    <message>
        <source>Creating {name}…</source>
        <translation>جارٍ إنشاء {name}…</translation>
    </message>
    <message>
        <source>Import a Local Contexts Hub project</source>
        <translation>استيراد مشروع من Local Contexts Hub</translation>
    </message>
    <message>
        <source>Hub project (*.json);;All files (*)</source>
        <translation>مشروع Hub (*.json);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>The audit log is intact: {count} events, none changed or removed.</source>
        <translation>سجل التدقيق سليم: {count} حدثًا، لم يُغيَّر أو يُحذف أي منها.</translation>
    </message>
    <message>
        <source>The audit log was tampered with at event {seq}: {problem}</source>
        <translation>تم العبث بسجل التدقيق عند الحدث {seq}: {problem}</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Dashboard — kmdesk</source>
        <translation>لوحة المعلومات — kmdesk</translation>
    </message>
    <message>
        <source>GBF goals</source>
        <translation>أهداف الإطار العالمي</translation>
    </message>
    <message>
        <source>GBF targets</source>
        <translation>غايات الإطار العالمي</translation>
    </message>
    <message>
        <source>Types</source>
        <translation>الأنواع</translation>
    </message>
    <message>
        <source>Communities</source>
        <translation>المجتمعات</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>اللغات</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>البلدان</translation>
    </message>
    <message>
        <source>Records by year</source>
        <translation>السجلات حسب السنة</translation>
    </message>
    <message>
        <source>Sharing with the CHM</source>
        <translation>المشاركة مع آلية تبادل المعلومات</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>الموافقة</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>تمت المشاركة</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>بانتظار الإرسال</translation>
    </message>
    <message>
        <source>Refused by the CHM</source>
        <translation>رفضتها آلية تبادل المعلومات</translation>
    </message>
    <message>
        <source>Withdrawn from the CHM</source>
        <translation>سُحبت من آلية تبادل المعلومات</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>سارية</translation>
    </message>
    <message>
        <source>Expiring within {days} days</source>
        <translation>تنتهي خلال {days} يومًا</translation>
    </message>
    <message>
        <source>{records} records counted (sacred records never are) · {covered} of {targets} GBF targets covered</source>
        <translation>{records} سجلًا محسوبًا (لا تُحسب السجلات المقدسة أبدًا)، {covered} من {targets} غاية مشمولة</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>منتهية</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>جارٍ العد…</translation>
    </message>
    <message>
        <source>The dashboard could not be computed: {reason}</source>
        <translation>تعذّر حساب لوحة المعلومات: {reason}</translation>
    </message>
    <message>
        <source>Refused: {reason} ({count})</source>
        <translation>مرفوض: {reason} ({count})</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>لم يُذكر سبب</translation>
    </message>
    <message>
        <source>Not counted: {count} records failed their integrity check ({ids})</source>
        <translation>غير محسوبة: {count} سجلات لم تجتز فحص السلامة ({ids})</translation>
    </message>
    <message>
        <source>Goal {code} · {title}</source>
        <translation>الهدف {code} – {title}</translation>
    </message>
    <message>
        <source>{number} · {title}</source>
        <translation>{number} – {title}</translation>
    </message>
    <message>
        <source>Target {number}: {title}</source>
        <translation>الغاية {number}: {title}</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>مسحوبة</translation>
    </message>
    <message>
        <source>{chart}: {value}</source>
        <translation>{chart}: {value}</translation>
    </message>
</context>
<context>
    <name>DescriptionPage</name>
    <message>
        <source>(none)</source>
        <translation>(لا شيء)</translation>
    </message>
    <message>
        <source>separated by commas</source>
        <translation>مفصولة بفواصل</translation>
    </message>
    <message>
        <source>YYYY, YYYY-MM or YYYY-MM-DD</source>
        <translation>YYYY أو YYYY-MM أو YYYY-MM-DD</translation>
    </message>
    <message>
        <source>https://…</source>
        <translation>https://…</translation>
    </message>
    <message>
        <source>language tags, e.g. quz, es</source>
        <translation>وسوم اللغات، مثل quz, es</translation>
    </message>
    <message>
        <source>two-letter codes, e.g. pe, bo</source>
        <translation>رموز من حرفين، مثل pe, bo</translation>
    </message>
    <message>
        <source>separated by commas; coordinates after @, e.g. Cusco @ -13.53 -71.97</source>
        <translation>مفصولة بفواصل؛ الإحداثيات بعد @، مثل Cusco @ -13.53 -71.97</translation>
    </message>
    <message>
        <source>A place may carry its latitude and longitude in decimal degrees after an @ (south and west negative): it then appears as a dot on the map.</source>
        <translation>يمكن أن يحمل المكان خط العرض وخط الطول بالدرجات العشرية بعد @ (الجنوب والغرب بالسالب): فيظهر عندئذٍ نقطةً على الخريطة.</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Kind of resource</source>
        <translation>نوع المورد</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>الكلمات المفتاحية</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>المجتمع</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>الترخيص</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>الرابط</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>اللغات</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>البلدان</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>الأماكن</translation>
    </message>
</context>
<context>
    <name>DirectoryView</name>
    <message>
        <source>Practitioner directory</source>
        <translation>دليل الممارسين</translation>
    </message>
    <message>
        <source>Any expertise</source>
        <translation>أي خبرة</translation>
    </message>
    <message>
        <source>Target {number} · {title}</source>
        <translation>الغاية {number} · {title}</translation>
    </message>
    <message>
        <source>e.g. es, quz</source>
        <translation>مثلاً es، quz</translation>
    </message>
    <message>
        <source>e.g. pe, bo</source>
        <translation>مثلاً pe، bo</translation>
    </message>
    <message>
        <source>Expertise</source>
        <translation>الخبرة</translation>
    </message>
    <message>
        <source>Speaks</source>
        <translation>يتحدث</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>البلد</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>اللغات</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>البلدان</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>الاتصال</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>بحث</translation>
    </message>
    <message>
        <source>Export vCards…</source>
        <translation>تصدير بطاقات vCard…</translation>
    </message>
    <message>
        <source>Looking…</source>
        <translation>جارٍ البحث…</translation>
    </message>
    <message>
        <source>not listed (no consent to show contacts)</source>
        <translation>غير مدرج (لا موافقة على إظهار بيانات الاتصال)</translation>
    </message>
    <message>
        <source>{contacts} (listed with the consent of {who}, {day})</source>
        <translation>{contacts} (مدرج بموافقة {who}، {day})</translation>
    </message>
    <message>
        <source>{contacts} (listed with consent)</source>
        <translation>{contacts} (مدرج بموافقة)</translation>
    </message>
    <message>
        <source>{title} (from the CHM)</source>
        <translation>{title} (من آلية تبادل المعلومات)</translation>
    </message>
    <message>
        <source>{count} people and organizations, {listed} listed with their consent.</source>
        <translation>{count} من الأشخاص والمنظمات، {listed} مدرجون بموافقتهم.</translation>
    </message>
    <message>
        <source>Export vCards</source>
        <translation>تصدير بطاقات vCard</translation>
    </message>
    <message>
        <source>vCard files (*.vcf)</source>
        <translation>ملفات vCard (*.vcf)</translation>
    </message>
    <message>
        <source>{written} vCards written; {left} not listed or not public, left out.</source>
        <translation>كُتبت {written} بطاقة vCard؛ استُبعدت {left} غير مدرجة أو غير عامة.</translation>
    </message>
</context>
<context>
    <name>FacetPanel</name>
    <message>
        <source>Filters</source>
        <translation>عوامل التصفية</translation>
    </message>
    <message>
        <source>Values of the records found, with how many have each; tick one (Space) to list only those records.</source>
        <translation>قيم السجلات التي عُثر عليها، مع عدد السجلات لكل قيمة؛ حدّد قيمة (مفتاح المسافة) لعرض تلك السجلات وحدها.</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>مسح عوامل التصفية</translation>
    </message>
    <message>
        <source>Deleted records: open the trash to restore them or forget them for good.</source>
        <translation>السجلات المحذوفة: افتح سلة المحذوفات لاستعادتها أو لنسيانها نهائيًا.</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>سلة المحذوفات</translation>
    </message>
    <message>
        <source>Trash ({count})</source>
        <translation>سلة المحذوفات ({count})</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Kind of resource</source>
        <translation>نوع المورد</translation>
    </message>
    <message>
        <source>GBF targets</source>
        <translation>غايات الإطار العالمي</translation>
    </message>
    <message>
        <source>GBF goals</source>
        <translation>أهداف الإطار العالمي</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>المجتمع</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>اللغات</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>البلدان</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>الوصول</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>الموافقة</translation>
    </message>
    <message>
        <source>Integrity</source>
        <translation>السلامة</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>المجموعة</translation>
    </message>
    <message>
        <source>{number} · {title}</source>
        <translation>{number} · {title}</translation>
    </message>
    <message>
        <source>Goal {code} · {title}</source>
        <translation>الهدف {code} · {title}</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>تالف</translation>
    </message>
    <message>
        <source>From the CHM</source>
        <translation>من آلية تبادل المعلومات</translation>
    </message>
    <message>
        <source>This library</source>
        <translation>هذه المكتبة</translation>
    </message>
    <message>
        <source>No consent recorded</source>
        <translation>لا موافقة مسجلة</translation>
    </message>
    <message>
        <source>Not needed</source>
        <translation>غير مطلوبة</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>سارية</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>منتهية</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>مسحوبة</translation>
    </message>
</context>
<context>
    <name>FilesController</name>
    <message>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <source>Records (*.csv *.tsv *.xlsx *.ris *.bib *.json *.kmd);;Spreadsheets (*.csv *.tsv *.xlsx);;References (*.ris *.bib);;CHM documents or kmdesk library (*.json);;kmdesk archive (*.kmd);;All files (*)</source>
        <translation>السجلات (*.csv *.tsv *.xlsx *.ris *.bib *.json *.kmd);;جداول البيانات (*.csv *.tsv *.xlsx);;المراجع (*.ris *.bib);;وثائق آلية تبادل المعلومات أو مكتبة kmdesk (*.json);;أرشيف kmdesk (*.kmd);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>An import is running: start the next one when it is done (or cancel it in the status bar).</source>
        <translation>يجري استيراد الآن: ابدأ التالي عند انتهائه (أو ألغِه من شريط الحالة).</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>انتهى الاستيراد</translation>
    </message>
    <message>
        <source>Imported: {imported}
Already in the library (skipped): {skipped}
Not imported because of errors: {errors}</source>
        <translation>المستورد: {imported}
موجود في المكتبة مسبقًا (تم تخطيه): {skipped}
لم يُستورد بسبب أخطاء: {errors}</translation>
    </message>
    <message>
        <source>kmdesk library (*.json)</source>
        <translation>مكتبة kmdesk (*.json)</translation>
    </message>
    <message>
        <source>kmdesk archive with files (*.kmd)</source>
        <translation>أرشيف kmdesk مع الملفات (*.kmd)</translation>
    </message>
    <message>
        <source>CSV spreadsheet (*.csv)</source>
        <translation>جدول CSV (*.csv)</translation>
    </message>
    <message>
        <source>RIS references (*.ris)</source>
        <translation>مراجع RIS (*.ris)</translation>
    </message>
    <message>
        <source>BibTeX (*.bib)</source>
        <translation>BibTeX (*.bib)</translation>
    </message>
    <message>
        <source>CHM resource documents (*.json)</source>
        <translation>وثائق موارد آلية تبادل المعلومات (*.json)</translation>
    </message>
    <message>
        <source>Dublin Core XML (*.xml)</source>
        <translation>Dublin Core XML (*.xml)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>انتهى التصدير</translation>
    </message>
    <message>
        <source>{count} public records written to {path}.
Records that are not public stay in this library.</source>
        <translation>كُتبت السجلات العامة ({count}) في {path}.
تبقى السجلات غير العامة في هذه المكتبة.</translation>
    </message>
    <message>
        <source>Exporting to {name}…</source>
        <translation>جارٍ التصدير إلى {name}…</translation>
    </message>
</context>
<context>
    <name>FirstCustodianDialog</name>
    <message>
        <source>Protect this library</source>
        <translation>حماية هذه المكتبة</translation>
    </message>
    <message>
        <source>The first profile is the library&apos;s custodian: the person who decides, with the community, who may read what. Restricted knowledge is encrypted with keys that only the passphrase opens, so keep it safe: nobody can recover a forgotten passphrase.</source>
        <translation>الملف الشخصي الأول هو أمين المكتبة: الشخص الذي يقرر، مع المجتمع، من يجوز له قراءة ماذا. تُشفَّر المعارف المقيّدة بمفاتيح لا تفتحها إلا عبارة المرور، فاحفظها جيدًا: لا يمكن لأحد استعادة عبارة مرور منسية.</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>اسمك</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>عبارة المرور</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>عبارة المرور مرة أخرى</translation>
    </message>
    <message>
        <source>Create custodian</source>
        <translation>إنشاء الأمين</translation>
    </message>
    <message>
        <source>Give the custodian a name.</source>
        <translation>أعطِ الأمين اسمًا.</translation>
    </message>
    <message>
        <source>The passphrase needs at least 8 characters.</source>
        <translation>تحتاج عبارة المرور إلى 8 أحرف على الأقل.</translation>
    </message>
    <message>
        <source>The two passphrases differ; type them again.</source>
        <translation>عبارتا المرور مختلفتان؛ اكتبهما مرة أخرى.</translation>
    </message>
</context>
<context>
    <name>GbfPage</name>
    <message>
        <source>Goals</source>
        <translation>الأهداف</translation>
    </message>
    <message>
        <source>Goal {code}: {title}</source>
        <translation>الهدف {code}: {title}</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>الغايات</translation>
    </message>
    <message>
        <source>{number} · {title}</source>
        <translation>{number} · {title}</translation>
    </message>
</context>
<context>
    <name>HistoryTree</name>
    <message>
        <source>When</source>
        <translation>متى</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>مَن</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>ما الذي تغيّر</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>أُنشئ</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>عُدّل</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>حُذف</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>استُورد</translation>
    </message>
    <message>
        <source>Restored from the trash</source>
        <translation>استُعيد من سلة المحذوفات</translation>
    </message>
    <message>
        <source>Withheld: only those the record&apos;s access admits may read this value.</source>
        <translation>محجوب: لا يقرأ هذه القيمة إلا من يسمح لهم وصول السجل.</translation>
    </message>
    <message>
        <source>(withheld)</source>
        <translation>(محجوب)</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>الملخص</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Kind of resource</source>
        <translation>نوع المورد</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>الكلمات المفتاحية</translation>
    </message>
    <message>
        <source>GBF goals</source>
        <translation>أهداف الإطار العالمي</translation>
    </message>
    <message>
        <source>GBF targets</source>
        <translation>غايات الإطار العالمي</translation>
    </message>
    <message>
        <source>CBD subjects</source>
        <translation>مواضيع اتفاقية التنوع البيولوجي</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>البلدان</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>الأماكن</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>اللغات</translation>
    </message>
    <message>
        <source>Creators</source>
        <translation>المنشئون</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>التسميات</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>المجتمع</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>الترخيص</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>الرابط</translation>
    </message>
    <message>
        <source>Identifiers</source>
        <translation>المعرّفات</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>الوصول</translation>
    </message>
</context>
<context>
    <name>HubController</name>
    <message>
        <source>&amp;Sync with the hub now</source>
        <translation>&amp;زامن مع المركز الآن</translation>
    </message>
    <message>
        <source>Send this library&apos;s changes to the hub and receive the other devices&apos; (Ctrl+Shift+S)</source>
        <translation>أرسل تغييرات هذه المكتبة إلى المركز واستقبل تغييرات الأجهزة الأخرى (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Records in &amp;conflict…</source>
        <translation>سجلات في &amp;تعارض…</translation>
    </message>
    <message>
        <source>&amp;Refused changes…</source>
        <translation>التغييرات الم&amp;رفوضة…</translation>
    </message>
    <message>
        <source>Sync &amp;automatically every…</source>
        <translation>زامن &amp;تلقائيًا كل…</translation>
    </message>
    <message>
        <source>H&amp;ub</source>
        <translation>الم&amp;ركز</translation>
    </message>
    <message>
        <source>Sync automatically</source>
        <translation>المزامنة التلقائية</translation>
    </message>
    <message>
        <source>Sync with the hub every this many minutes while a profile is unlocked (0: only when asked):</source>
        <translation>زامن مع المركز كل هذا العدد من الدقائق ما دام ملف شخصي مفتوحًا (0: عند الطلب فقط):</translation>
    </message>
    <message>
        <source>A sync with the hub is already running.</source>
        <translation>تجري مزامنة مع المركز بالفعل.</translation>
    </message>
    <message>
        <source>Unlock a profile to sync with the hub: its key signs this device&apos;s changes.</source>
        <translation>افتح ملفًا شخصيًا للمزامنة مع المركز: مفتاحه يوقّع تغييرات هذا الجهاز.</translation>
    </message>
    <message>
        <source>Sync stopped: what was sent or received stays; the next sync goes on from there.</source>
        <translation>توقفت المزامنة: يبقى ما أُرسل أو استُقبل؛ وتتابع المزامنة التالية من هناك.</translation>
    </message>
    <message>
        <source>Hub unreachable</source>
        <translation>تعذّر الوصول إلى المركز</translation>
    </message>
    <message>
        <source>The hub cannot be reached, so nothing was synced. You can keep working: nothing was lost, and this library&apos;s changes wait here until the next sync.</source>
        <translation>تعذّر الوصول إلى المركز، فلم تُزامَن أي بيانات. يمكنك مواصلة العمل: لم يُفقد شيء، وتنتظر تغييرات هذه المكتبة هنا حتى المزامنة التالية.</translation>
    </message>
    <message>
        <source>Sync with the hub</source>
        <translation>المزامنة مع المركز</translation>
    </message>
    <message>
        <source>Changes sent: {sent}. Changes received from other devices: {received}.</source>
        <translation>التغييرات المُرسلة: {sent}. التغييرات المستقبلة من الأجهزة الأخرى: {received}.</translation>
    </message>
    <message>
        <source>Records now in conflict, waiting for you to choose (Hub › Records in conflict…):</source>
        <translation>سجلات أصبحت في تعارض، تنتظر اختيارك (المركز › سجلات في تعارض…):</translation>
    </message>
    <message>
        <source>Changes refused and quarantined (not applied here):</source>
        <translation>تغييرات مرفوضة ومعزولة (لم تُطبَّق هنا):</translation>
    </message>
    <message>
        <source>Not sent:</source>
        <translation>لم يُرسَل:</translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation>تحذيرات:</translation>
    </message>
    <message>
        <source>Records to take down from {target}, where their consent or access no longer lets them stay (sent at the next sync with it, in the Sync panel): {count}.</source>
        <translation>السجلات التي يجب سحبها من {target} لأن موافقتها أو مستوى الوصول إليها لم يعد يسمح ببقائها (تُرسل عند المزامنة التالية معه، في لوحة المزامنة): {count}.</translation>
    </message>
    <message>
        <source>Synced with the hub</source>
        <translation>تمت المزامنة مع المركز</translation>
    </message>
    <message>
        <source>Synced with the hub. {outcome}</source>
        <translation>تمت المزامنة مع المركز. {outcome}</translation>
    </message>
    <message>
        <source>Removed from a protocol</source>
        <translation>أُزيل من بروتوكول</translation>
    </message>
    <message>
        <source>A custodian removed {name} from {protocols}.

You receive no new keys for it: what is written or changed in it from now on does not open for you.

What you already synced is not taken from you: copies you kept of it (exports, backups) stay readable to you. In this library it is now sealed under the protocol&apos;s new key.</source>
        <translation>أزال أحد الأمناء {name} من {protocols}.

لن تتلقى مفاتيح جديدة له: ما يُكتب فيه أو يُعدَّل من الآن فصاعدًا لن يُفتح لك.

ما زامنته من قبل لا يُنتزع منك: النسخ التي احتفظت بها منه (التصديرات والنسخ الاحتياطية) تبقى مقروءة لك. أما في هذه المكتبة فهو الآن مختوم بالمفتاح الجديد للبروتوكول.</translation>
    </message>
    <message>
        <source>Hub change {seq}: {kind} {key} from device {device}: {reason}</source>
        <translation>تغيير المركز {seq}: {kind} {key} من الجهاز {device}: {reason}</translation>
    </message>
    <message>
        <source>Refused changes</source>
        <translation>التغييرات المرفوضة</translation>
    </message>
    <message>
        <source>No change from the hub was refused.</source>
        <translation>لم يُرفض أي تغيير من المركز.</translation>
    </message>
</context>
<context>
    <name>HubProgress</name>
    <message>
        <source>Syncing with the hub…</source>
        <translation>جارٍ المزامنة مع المركز…</translation>
    </message>
    <message>
        <source>Stop the sync: what was sent or received stays; the next sync goes on from there.</source>
        <translation>أوقف المزامنة: يبقى ما أُرسل أو استُقبل؛ وتتابع المزامنة التالية من هناك.</translation>
    </message>
    <message>
        <source>Stop the sync with the hub</source>
        <translation>أوقف المزامنة مع المركز</translation>
    </message>
    <message>
        <source>{done} of {total} changes received</source>
        <translation>استُقبل {done} من {total} تغيير</translation>
    </message>
</context>
<context>
    <name>HubStatusButton</name>
    <message>
        <source>Hub: synced</source>
        <translation>المركز: تمت المزامنة</translation>
    </message>
    <message>
        <source>Hub: syncing…</source>
        <translation>المركز: جارٍ المزامنة…</translation>
    </message>
    <message>
        <source>Hub: offline</source>
        <translation>المركز: غير متصل</translation>
    </message>
    <message>
        <source>Hub: sync failed</source>
        <translation>المركز: فشلت المزامنة</translation>
    </message>
    <message>
        <source>Hub: {count} waiting for you</source>
        <translation>المركز: {count} بانتظارك</translation>
    </message>
    <message>
        <source>Hub: {url}</source>
        <translation>المركز: {url}</translation>
    </message>
    <message>
        <source>Last sync: {when} ({ago})</source>
        <translation>آخر مزامنة: {when} ({ago})</translation>
    </message>
    <message>
        <source>Last sync: never</source>
        <translation>آخر مزامنة: لم تحدث قط</translation>
    </message>
    <message>
        <source>Reachable; this library is up to date with it.</source>
        <translation>يمكن الوصول إليه؛ وهذه المكتبة محدّثة معه.</translation>
    </message>
    <message>
        <source>Sending this library&apos;s changes and receiving the others&apos;…</source>
        <translation>جارٍ إرسال تغييرات هذه المكتبة واستقبال تغييرات الآخرين…</translation>
    </message>
    <message>
        <source>The hub cannot be reached. You can keep working: changes wait here and go at the next sync.</source>
        <translation>تعذّر الوصول إلى المركز. يمكنك مواصلة العمل: تنتظر التغييرات هنا وتُرسل في المزامنة التالية.</translation>
    </message>
    <message>
        <source>The last sync failed: {error}</source>
        <translation>فشلت آخر مزامنة: {error}</translation>
    </message>
    <message>
        <source>Reachable; something waits for a person to look at it.</source>
        <translation>يمكن الوصول إليه؛ وهناك ما ينتظر أن يطّلع عليه شخص.</translation>
    </message>
    <message>
        <source>Changes waiting here to be sent: {count}</source>
        <translation>تغييرات تنتظر هنا لإرسالها: {count}</translation>
    </message>
    <message>
        <source>Records in conflict, waiting for you to choose: {count}</source>
        <translation>سجلات في تعارض تنتظر اختيارك: {count}</translation>
    </message>
    <message>
        <source>Changes from the hub refused and quarantined: {count}</source>
        <translation>تغييرات من المركز مرفوضة ومعزولة: {count}</translation>
    </message>
    <message>
        <source>Click to sync now.</source>
        <translation>انقر للمزامنة الآن.</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>الآن</translation>
    </message>
    <message>
        <source>{count} min ago</source>
        <translation>منذ {count} د</translation>
    </message>
    <message>
        <source>{count} h ago</source>
        <translation>منذ {count} س</translation>
    </message>
    <message>
        <source>{count} d ago</source>
        <translation>منذ {count} ي</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import {name}</source>
        <translation>استيراد {name}</translation>
    </message>
    <message>
        <source>Skip it</source>
        <translation>تخطيه</translation>
    </message>
    <message>
        <source>Merge it into the existing record</source>
        <translation>دمجه في السجل الموجود</translation>
    </message>
    <message>
        <source>Keep both</source>
        <translation>الاحتفاظ بالاثنين</translation>
    </message>
    <message>
        <source>Language of text columns that do not name one (BCP 47, e.g. en, es, fr)</source>
        <translation>لغة أعمدة النص التي لا تحدد لغة (BCP 47، مثل en أو es أو fr)</translation>
    </message>
    <message>
        <source>The passphrase the custodian sealed the archive&apos;s restricted records with</source>
        <translation>عبارة المرور التي ختم بها الأمين السجلات المقيّدة في الأرشيف</translation>
    </message>
    <message>
        <source>When a row duplicates a record:</source>
        <translation>عندما يكرر صف سجلًا موجودًا:</translation>
    </message>
    <message>
        <source>Language of the text:</source>
        <translation>لغة النص:</translation>
    </message>
    <message>
        <source>Archive passphrase (sealed records):</source>
        <translation>عبارة مرور الأرشيف (السجلات المختومة):</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>الصف</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>النتيجة</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>السبب</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>جارٍ قراءة {name}…</translation>
    </message>
    <message>
        <source>Becomes</source>
        <translation>يصبح</translation>
    </message>
    <message>
        <source>{format} file: the first {count} rows as they would be imported ({errors} with problems). Choose the field each column goes to.</source>
        <translation>ملف {format}: أول {count} صفوف كما ستُستورد ({errors} بها مشكلات). اختر الحقل الذي يذهب إليه كل عمود.</translation>
    </message>
    <message>
        <source>(ignore this column)</source>
        <translation>(تجاهل هذا العمود)</translation>
    </message>
    <message>
        <source>Identifier (UUID)</source>
        <translation>المعرّف (UUID)</translation>
    </message>
    <message>
        <source>Record type</source>
        <translation>نوع السجل</translation>
    </message>
    <message>
        <source>Resource kind</source>
        <translation>نوع المورد</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>الملخص</translation>
    </message>
    <message>
        <source>Full text</source>
        <translation>النص الكامل</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>المجتمع</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>السنة</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>الترخيص</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>الرابط</translation>
    </message>
    <message>
        <source>Access level</source>
        <translation>مستوى الوصول</translation>
    </message>
    <message>
        <source>Cultural protocols</source>
        <translation>البروتوكولات الثقافية</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>الكلمات المفتاحية</translation>
    </message>
    <message>
        <source>CBD subjects</source>
        <translation>مواضيع اتفاقية التنوع البيولوجي</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>البلدان</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>الأماكن</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>اللغات</translation>
    </message>
    <message>
        <source>Local Contexts labels</source>
        <translation>تسميات Local Contexts</translation>
    </message>
    <message>
        <source>GBF goals</source>
        <translation>أهداف الإطار العالمي</translation>
    </message>
    <message>
        <source>GBF targets</source>
        <translation>غايات الإطار العالمي</translation>
    </message>
    <message>
        <source>People</source>
        <translation>الأشخاص</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>المعرّف</translation>
    </message>
    <message>
        <source>{field} ({detail})</source>
        <translation>{field} ({detail})</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>مستورد</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>مدمج</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>متخطى</translation>
    </message>
    <message>
        <source>not imported</source>
        <translation>غير مستورد</translation>
    </message>
    <message>
        <source>Imported: {imported} · merged: {merged} · skipped: {skipped} · not imported: {errors}</source>
        <translation>المستورد: {imported} · المدمج: {merged} · المتخطى: {skipped} · غير المستورد: {errors}</translation>
    </message>
</context>
<context>
    <name>ImportProgress</name>
    <message>
        <source>Stop the import; nothing of it is kept.</source>
        <translation>أوقف الاستيراد؛ لن يُحتفظ بشيء منه.</translation>
    </message>
    <message>
        <source>You can search and read meanwhile; changes you save wait until the import is done.</source>
        <translation>يمكنك البحث والقراءة في الأثناء؛ تنتظر التغييرات التي تحفظها حتى ينتهي الاستيراد.</translation>
    </message>
    <message>
        <source>Importing {name}…</source>
        <translation>جارٍ استيراد {name}…</translation>
    </message>
    <message>
        <source>{done} of {total} records imported</source>
        <translation>استُورد {done} من {total} سجلًا</translation>
    </message>
</context>
<context>
    <name>IndexCatchUp</name>
    <message>
        <source>Indexing the library for search…</source>
        <translation>جارٍ فهرسة المكتبة للبحث…</translation>
    </message>
    <message>
        <source>Stop indexing; it resumes the next time this library opens.</source>
        <translation>إيقاف الفهرسة؛ تُستأنف في المرة القادمة التي تُفتح فيها هذه المكتبة.</translation>
    </message>
    <message>
        <source>{done} of {total} records indexed</source>
        <translation>فُهرس {done} من {total} سجلًا</translation>
    </message>
</context>
<context>
    <name>IndexController</name>
    <message>
        <source>Indexing stopped: records not indexed yet are not found by a search. Indexing resumes the next time this library opens.</source>
        <translation>توقفت الفهرسة: لا يعثر البحث على السجلات التي لم تُفهرس بعد. تُستأنف الفهرسة في المرة القادمة التي تُفتح فيها هذه المكتبة.</translation>
    </message>
    <message>
        <source>Search index rebuilt ({count} records).</source>
        <translation>أُعيد بناء فهرس البحث (السجلات: {count}).</translation>
    </message>
    <message>
        <source>Rebuilding the search index…</source>
        <translation>جارٍ إعادة بناء فهرس البحث…</translation>
    </message>
    <message>
        <source>Search index</source>
        <translation>فهرس البحث</translation>
    </message>
    <message>
        <source>The search index matches the library.</source>
        <translation>فهرس البحث مطابق للمكتبة.</translation>
    </message>
    <message>
        <source>The search index does not match the library.
Missing: {missing}
Out of date: {stale}
No longer in the library: {orphans}

Use File › Rebuild search index… to repair it.</source>
        <translation>فهرس البحث غير مطابق للمكتبة.
مفقود: {missing}
قديم: {stale}
لم يعد في المكتبة: {orphans}

استخدم ملف › إعادة بناء فهرس البحث… لإصلاحه.</translation>
    </message>
    <message>
        <source>Checking the search index…</source>
        <translation>جارٍ فحص فهرس البحث…</translation>
    </message>
</context>
<context>
    <name>InsightsController</name>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;لوحة المعلومات</translation>
    </message>
    <message>
        <source>&amp;Map</source>
        <translation>ال&amp;خريطة</translation>
    </message>
    <message>
        <source>&amp;Report…</source>
        <translation>&amp;تقرير…</translation>
    </message>
    <message>
        <source>Showing {what} · &lt;a href=&quot;all&quot;&gt;show all records&lt;/a&gt;</source>
        <translation>يُعرض {what} · &lt;a href=&quot;all&quot;&gt;عرض كل السجلات&lt;/a&gt;</translation>
    </message>
</context>
<context>
    <name>IntegrityStatus</name>
    <message>
        <source>rows that failed their integrity check (changed outside kmdesk): {count}</source>
        <translation>صفوف لم تجتز فحص السلامة (عُدّلت خارج kmdesk): {count}</translation>
    </message>
    <message>
        <source>the library is older than when it was last opened here</source>
        <translation>المكتبة أقدم مما كانت عليه عند آخر فتح لها هنا</translation>
    </message>
    <message>
        <source>its rows are not signed yet</source>
        <translation>صفوفها غير موقّعة بعد</translation>
    </message>
    <message>
        <source>Integrity warning: {parts}</source>
        <translation>تحذير السلامة: {parts}</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>التفاصيل…</translation>
    </message>
    <message>
        <source>Integrity problems: details</source>
        <translation>مشكلات السلامة: التفاصيل</translation>
    </message>
    <message>
        <source>Went back: {what}</source>
        <translation>عاد إلى حالة أقدم: {what}</translation>
    </message>
    <message>
        <source>Rows not signed yet: until a custodian unlocks the library, they are untrusted.</source>
        <translation>صفوف غير موقّعة بعد: إلى أن يفتح أحد الأمناء المكتبة، فهي غير موثوقة.</translation>
    </message>
    <message>
        <source>Integrity problems</source>
        <translation>مشكلات السلامة</translation>
    </message>
    <message>
        <source>kmdesk found rows it cannot trust. They are never used: a record that fails is quarantined, a consent that fails does not count, nothing that fails is shared. Restore the library from a backup or ask a custodian; &quot;kmdesk check&quot; lists the same problems.</source>
        <translation>وجد kmdesk صفوفًا لا يمكنه الوثوق بها. لا تُستخدم أبدًا: السجل الذي يفشل يُعزل، والموافقة التي تفشل لا تُحتسب، ولا يُشارَك شيء يفشل. استعد المكتبة من نسخة احتياطية أو اسأل أحد الأمناء؛ يسرد الأمر &quot;kmdesk check&quot; المشكلات نفسها.</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <source>Restricted record</source>
        <translation>سجل مقيّد</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>GBF targets</source>
        <translation>غايات الإطار العالمي</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>المجتمع</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>اللغات</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>الوصول</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>الموافقة</translation>
    </message>
    <message>
        <source>Target {number}: {title}</source>
        <translation>الغاية {number}: {title}</translation>
    </message>
</context>
<context>
    <name>LibraryTable</name>
    <message>
        <source>Records</source>
        <translation>السجلات</translation>
    </message>
    <message>
        <source>The records the search found, one per row. The arrow keys choose a record, Enter edits it, a right click on the headings chooses the columns.</source>
        <translation>السجلات التي عثر عليها البحث، سجل في كل صف. تختار مفاتيح الأسهم سجلًا، ويحرّره مفتاح الإدخال، وتختار النقرة اليمنى على العناوين الأعمدة.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>This library is locked</source>
        <translation>هذه المكتبة مقفلة</translation>
    </message>
    <message>
        <source>Unlock your profile to read and edit the knowledge your community&apos;s protocols allow you. Without unlocking you can browse the public records.</source>
        <translation>افتح ملفك الشخصي لقراءة المعارف التي تسمح لك بها بروتوكولات مجتمعك وتعديلها. يمكنك تصفح السجلات العامة دون فتح القفل.</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>الملف الشخصي</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>عبارة المرور</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>فتح القفل</translation>
    </message>
    <message>
        <source>Browse without unlocking</source>
        <translation>التصفح دون فتح القفل</translation>
    </message>
    <message>
        <source>{name} ({roles})</source>
        <translation>{name} ({roles})</translation>
    </message>
    <message>
        <source>Choose a profile first.</source>
        <translation>اختر ملفًا شخصيًا أولًا.</translation>
    </message>
    <message>
        <source>Type the passphrase of {name}.</source>
        <translation>اكتب عبارة المرور لـ {name}.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>kmdesk — {folder}</source>
        <translation>kmdesk — {folder}</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>الملفات</translation>
    </message>
    <message>
        <source>Practitioner &amp;directory…</source>
        <translation>&amp;دليل الممارسين…</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>التوافقات</translation>
    </message>
    <message>
        <source>&amp;Trash…</source>
        <translation>&amp;سلة المحذوفات…</translation>
    </message>
    <message>
        <source>About kmdesk</source>
        <translation>حول kmdesk</translation>
    </message>
    <message>
        <source>kmdesk {version}

Offline knowledge management for Indigenous Peoples and Local Communities and biodiversity practitioners, for the Kunming-Montreal Global Biodiversity Framework. Knowledge is shared only with free, prior and informed consent.</source>
        <translation>kmdesk {version}

إدارة المعارف دون اتصال للشعوب الأصلية والمجتمعات المحلية والعاملين في مجال التنوع البيولوجي، من أجل إطار كونمينغ-مونتريال العالمي للتنوع البيولوجي. لا تُشارَك المعارف إلا بالموافقة الحرة والمسبقة والمستنيرة.</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>Map — kmdesk</source>
        <translation>الخريطة — kmdesk</translation>
    </message>
    <message>
        <source>Countries are shaded by the number of records that name them (darker: more); a dot is a place with coordinates. Click either to list its records. Boundaries: Natural Earth (public domain).</source>
        <translation>تُلوَّن البلدان حسب عدد السجلات التي تذكرها (الأغمق: أكثر)؛ والنقطة مكان له إحداثيات. انقر على أيٍّ منهما لعرض سجلاته. الحدود: Natural Earth (ملك عام).</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>جارٍ العد…</translation>
    </message>
    <message>
        <source>The map could not be drawn: {reason}</source>
        <translation>تعذّر رسم الخريطة: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>{country}: %Ln record(s)</source>
        <translation>
            <numerusform>{country}: %Ln سجل</numerusform>
            <numerusform>{country}: سجل واحد</numerusform>
            <numerusform>{country}: سجلان</numerusform>
            <numerusform>{country}: %Ln سجلات</numerusform>
            <numerusform>{country}: %Ln سجلًا</numerusform>
            <numerusform>{country}: %Ln سجل</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{places}: %Ln record(s)</source>
        <translation>
            <numerusform>{places}: %Ln سجل</numerusform>
            <numerusform>{places}: سجل واحد</numerusform>
            <numerusform>{places}: سجلان</numerusform>
            <numerusform>{places}: %Ln سجلات</numerusform>
            <numerusform>{places}: %Ln سجلًا</numerusform>
            <numerusform>{places}: %Ln سجل</numerusform>
        </translation>
    </message>
    <message>
        <source>{countries} countries and {places} places with coordinates</source>
        <translation>{countries} بلدًا و{places} مكانًا له إحداثيات</translation>
    </message>
    <message>
        <source>Country: {name}</source>
        <translation>البلد: {name}</translation>
    </message>
    <message>
        <source>Place: {names}</source>
        <translation>المكان: {names}</translation>
    </message>
</context>
<context>
    <name>MatchesView</name>
    <message>
        <source>Record</source>
        <translation>السجل</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>السبب</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>التوافقات</translation>
    </message>
    <message>
        <source>Matches are found for needs, offers, organizations and people.</source>
        <translation>يُبحث عن توافقات للاحتياجات والعروض والمنظمات والأشخاص.</translation>
    </message>
    <message>
        <source>Looking for matches…</source>
        <translation>جارٍ البحث عن توافقات…</translation>
    </message>
    <message>
        <source>{title} (from the CHM)</source>
        <translation>{title} (من آلية تبادل المعلومات)</translation>
    </message>
    <message>
        <source>{count} matches; open one with a double click.</source>
        <translation>{count} توافق؛ افتح أحدها بنقرة مزدوجة.</translation>
    </message>
    <message>
        <source>No match yet: nothing in the library or the pulled CHM records fits.</source>
        <translation>لا توافق بعد: لا شيء في المكتبة أو في سجلات آلية تبادل المعلومات المجلوبة يناسب.</translation>
    </message>
    <message>
        <source>Matches could not be found: {error}</source>
        <translation>تعذّر إيجاد التوافقات: {error}</translation>
    </message>
</context>
<context>
    <name>OpenLibraryBanner</name>
    <message>
        <source>This library has no profiles: anyone using this computer can read and change it, and nothing in it can be protected. Create its first custodian to keep a community&apos;s knowledge under its own rules.</source>
        <translation>لا توجد ملفات شخصية في هذه المكتبة: يمكن لأي شخص يستخدم هذا الحاسوب قراءتها وتغييرها، ولا يمكن حماية أي شيء فيها. أنشئ أمينها الأول لإبقاء معارف المجتمع خاضعة لقواعده.</translation>
    </message>
    <message>
        <source>Create the first custodian…</source>
        <translation>إنشاء الأمين الأول…</translation>
    </message>
    <message>
        <source>Keep it open</source>
        <translation>إبقاؤها مفتوحة</translation>
    </message>
</context>
<context>
    <name>PanesController</name>
    <message>
        <source>kmdesk — {folder} (read-only)</source>
        <translation>kmdesk — {folder} (للقراءة فقط)</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>للقراءة فقط</translation>
    </message>
    <message>
        <source>&amp;Filters</source>
        <translation>&amp;عوامل التصفية</translation>
    </message>
    <message>
        <source>Show or hide the filters pane</source>
        <translation>إظهار لوحة عوامل التصفية أو إخفاؤها</translation>
    </message>
    <message>
        <source>&amp;Record pane</source>
        <translation>لوحة &amp;السجل</translation>
    </message>
    <message>
        <source>Show or hide the record pane</source>
        <translation>إظهار لوحة السجل أو إخفاؤها</translation>
    </message>
</context>
<context>
    <name>Places</name>
    <message>
        <source>%1° N</source>
        <translation>%1° شمالًا</translation>
    </message>
    <message>
        <source>%1° S</source>
        <translation>%1° جنوبًا</translation>
    </message>
    <message>
        <source>%1° E</source>
        <translation>%1° شرقًا</translation>
    </message>
    <message>
        <source>%1° W</source>
        <translation>%1° غربًا</translation>
    </message>
    <message>
        <source>{place} ({latitude}, {longitude})</source>
        <translation>{place} ({latitude}، {longitude})</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>التفضيلات</translation>
    </message>
    <message>
        <source>language tags, e.g. quz, es, en</source>
        <translation>وسوم اللغات، مثل quz, es, en</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>لغة الواجهة</translation>
    </message>
    <message>
        <source>Record languages, in order</source>
        <translation>لغات السجلات، بالترتيب</translation>
    </message>
    <message>
        <source>A record&apos;s title and texts are shown in the interface language when the record has it, else in the first of these languages it has. Any BCP 47 tag works, e.g. quz (Cusco Quechua), mi (Maori), sw (Swahili).</source>
        <translation>يُعرض عنوان السجل ونصوصه بلغة الواجهة إن وُجدت فيه، وإلا فبأول لغة متوفرة فيه من هذه اللغات. يصلح أي وسم BCP 47، مثل quz (كيشوا كوسكو) وmi (الماورية) وsw (السواحلية).</translation>
    </message>
    <message>
        <source>“{tag}” is not a language tag (BCP 47), e.g. quz or pt-BR.</source>
        <translation>«{tag}» ليس وسم لغة (BCP 47)، مثل quz أو pt-BR.</translation>
    </message>
</context>
<context>
    <name>ProfileSession</name>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;قفل</translation>
    </message>
    <message>
        <source>&amp;Change my passphrase…</source>
        <translation>&amp;تغيير عبارة المرور الخاصة بي…</translation>
    </message>
    <message>
        <source>&amp;Custodian&apos;s view…</source>
        <translation>عرض ال&amp;أمين…</translation>
    </message>
    <message>
        <source>Create the &amp;first custodian…</source>
        <translation>إنشاء الأمين ال&amp;أول…</translation>
    </message>
    <message>
        <source>Lock &amp;automatically after…</source>
        <translation>القفل &amp;تلقائيًا بعد…</translation>
    </message>
    <message>
        <source>&amp;Access</source>
        <translation>ال&amp;وصول</translation>
    </message>
    <message>
        <source>&amp;Unlock…</source>
        <translation>&amp;فتح القفل…</translation>
    </message>
    <message>
        <source>Lock the library: forget the keys until a passphrase is typed again (Ctrl+L)</source>
        <translation>قفل المكتبة: نسيان المفاتيح حتى تُكتب عبارة مرور من جديد (Ctrl+L)</translation>
    </message>
    <message>
        <source>Unlock a profile to read protected knowledge (Ctrl+L)</source>
        <translation>افتح ملفًا شخصيًا لقراءة المعارف المحمية (Ctrl+L)</translation>
    </message>
    <message>
        <source>Unlocked: {name} ({roles})</source>
        <translation>مفتوح: {name} ({roles})</translation>
    </message>
    <message>
        <source>Locked: public records only</source>
        <translation>مقفل: السجلات العامة فقط</translation>
    </message>
    <message>
        <source>Open library (no profiles)</source>
        <translation>مكتبة مفتوحة (بلا ملفات شخصية)</translation>
    </message>
    <message>
        <source>That passphrase does not open {name}. Check it (and Caps Lock) and try again.</source>
        <translation>عبارة المرور هذه لا تفتح {name}. تحقق منها (ومن مفتاح Caps Lock) وحاول مرة أخرى.</translation>
    </message>
    <message>
        <source>There is no profile named {name} any more.</source>
        <translation>لم يعد هناك ملف شخصي باسم {name}.</translation>
    </message>
    <message>
        <source>Unlocking {name}…</source>
        <translation>جارٍ فتح {name}…</translation>
    </message>
    <message>
        <source>Unlocked as {name}.</source>
        <translation>تم الفتح باسم {name}.</translation>
    </message>
    <message>
        <source>Lock the library</source>
        <translation>قفل المكتبة</translation>
    </message>
    <message>
        <source>An editor has changes that are not saved. Locking closes it and discards them.</source>
        <translation>في أحد المحررات تغييرات غير محفوظة. القفل يغلقه ويتجاهلها.</translation>
    </message>
    <message>
        <source>The library locked itself after {minutes} minutes without use.</source>
        <translation>قُفلت المكتبة تلقائيًا بعد {minutes} دقيقة دون استخدام.</translation>
    </message>
    <message>
        <source>An open editor was closed and its unsaved changes were discarded.</source>
        <translation>أُغلق محرر مفتوح وتم تجاهل تغييراته غير المحفوظة.</translation>
    </message>
    <message>
        <source>Lock automatically</source>
        <translation>القفل التلقائي</translation>
    </message>
    <message>
        <source>Lock the library after this many minutes without use (0: never):</source>
        <translation>اقفل المكتبة بعد هذا العدد من الدقائق دون استخدام (0: أبدًا):</translation>
    </message>
    <message>
        <source>Creating {name}…</source>
        <translation>جارٍ إنشاء {name}…</translation>
    </message>
    <message>
        <source>The current passphrase is not right.</source>
        <translation>عبارة المرور الحالية غير صحيحة.</translation>
    </message>
    <message>
        <source>The passphrase of {name} was changed.</source>
        <translation>تم تغيير عبارة المرور لـ {name}.</translation>
    </message>
    <message>
        <source>Changing the passphrase…</source>
        <translation>جارٍ تغيير عبارة المرور…</translation>
    </message>
    <message>
        <source>Consent saved.</source>
        <translation>حُفظت الموافقة.</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>Working…</source>
        <translation>جارٍ العمل…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>RecordConsentDialog</name>
    <message>
        <source>Record consent</source>
        <translation>تسجيل الموافقة</translation>
    </message>
    <message>
        <source>Consent for “{title}”. A consent is the community&apos;s whole decision at the time it was given; it replaces earlier ones and is never edited afterwards.</source>
        <translation>الموافقة على «{title}». الموافقة هي قرار المجتمع الكامل وقت منحها؛ وهي تحل محل الموافقات السابقة ولا تُعدَّل بعد ذلك أبدًا.</translation>
    </message>
    <message>
        <source>the person or authority who gave consent</source>
        <translation>الشخص أو السلطة التي منحت الموافقة</translation>
    </message>
    <message>
        <source>e.g. assembly of the ayllu, council of elders</source>
        <translation>مثال: جمعية الأيلو، مجلس الحكماء</translation>
    </message>
    <message>
        <source>names, separated by commas</source>
        <translation>الأسماء، مفصولة بفواصل</translation>
    </message>
    <message>
        <source>who receives the knowledge</source>
        <translation>من يتلقى المعارف</translation>
    </message>
    <message>
        <source>information shared on</source>
        <translation>تاريخ مشاركة المعلومات</translation>
    </message>
    <message>
        <source>e.g. Quechua (quz)</source>
        <translation>مثال: الكيشوا (quz)</translation>
    </message>
    <message>
        <source>e.g. meeting with an interpreter, radio, written summary</source>
        <translation>مثال: اجتماع مع مترجم، إذاعة، ملخص مكتوب</translation>
    </message>
    <message>
        <source>given on</source>
        <translation>تاريخ المنح</translation>
    </message>
    <message>
        <source>What the community agreed to</source>
        <translation>ما وافق عليه المجتمع</translation>
    </message>
    <message>
        <source>conditions the community set, in its words</source>
        <translation>الشروط التي وضعها المجتمع، بكلماته</translation>
    </message>
    <message>
        <source>expires on</source>
        <translation>تاريخ الانتهاء</translation>
    </message>
    <message>
        <source>the attachment or archive reference of the signed form or recording</source>
        <translation>المرفق أو المرجع الأرشيفي للاستمارة الموقعة أو التسجيل</translation>
    </message>
    <message>
        <source>Granted by</source>
        <translation>مَنَحها</translation>
    </message>
    <message>
        <source>For the community</source>
        <translation>نيابةً عن المجتمع</translation>
    </message>
    <message>
        <source>Community process</source>
        <translation>عملية المجتمع</translation>
    </message>
    <message>
        <source>Witnesses</source>
        <translation>الشهود</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>المتلقي</translation>
    </message>
    <message>
        <source>Prior information</source>
        <translation>المعلومات المسبقة</translation>
    </message>
    <message>
        <source>Informed in (language)</source>
        <translation>أُبلغ باللغة</translation>
    </message>
    <message>
        <source>Informed how</source>
        <translation>طريقة الإبلاغ</translation>
    </message>
    <message>
        <source>Consent given</source>
        <translation>الموافقة الممنوحة</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>الشكل</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>الشروط</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>الانتهاء</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>الإثبات</translation>
    </message>
</context>
<context>
    <name>RecordController</name>
    <message>
        <source>No font for {scripts} is installed: this text shows as boxes. Install a font for it (Debian/Ubuntu: {packages}).</source>
        <translation>لا يوجد خط مثبت لكتابة {scripts}: يظهر هذا النص مربعات. ثبّت خطًا لها (Debian/Ubuntu: {packages}).</translation>
    </message>
    <message>
        <source>Pulled from the CHM: read-only here. The next pull brings its changes.</source>
        <translation>مسحوب من آلية تبادل المعلومات: للقراءة فقط هنا. يجلب السحب التالي تغييراته.</translation>
    </message>
    <message>
        <source>Adding or removing files needs an unlocked contributor or custodian who may read this record.</source>
        <translation>تتطلب إضافة الملفات أو إزالتها ملفَّ مساهم أو أمين مفتوحًا يحق له قراءة هذا السجل.</translation>
    </message>
    <message>
        <source>Edit the selected record</source>
        <translation>تعديل السجل المحدد</translation>
    </message>
    <message>
        <source>Delete the selected record</source>
        <translation>حذف السجل المحدد</translation>
    </message>
    <message>
        <source>Record created.</source>
        <translation>أُنشئ السجل.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>حُفظ.</translation>
    </message>
    <message>
        <source>Record moved to the trash.</source>
        <translation>نُقل السجل إلى سلة المحذوفات.</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <source>New record</source>
        <translation>سجل جديد</translation>
    </message>
    <message>
        <source>Edit record</source>
        <translation>تعديل السجل</translation>
    </message>
    <message>
        <source>Texts</source>
        <translation>النصوص</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>الوصف</translation>
    </message>
    <message>
        <source>GBF</source>
        <translation>الإطار العالمي</translation>
    </message>
    <message>
        <source>People</source>
        <translation>الأشخاص</translation>
    </message>
    <message>
        <source>Access and labels</source>
        <translation>الوصول والتسميات</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <source>Save and keep editing (Ctrl+S)</source>
        <translation>حفظ ومتابعة التحرير (Ctrl+S)</translation>
    </message>
    <message>
        <source>Save and close</source>
        <translation>حفظ وإغلاق</translation>
    </message>
    <message>
        <source>Add language…</source>
        <translation>إضافة لغة…</translation>
    </message>
    <message>
        <source>Add the title, summary and text in another language (any BCP 47 tag, e.g. quz, sw, pt-BR)</source>
        <translation>أضف العنوان والملخص والنص بلغة أخرى (أي وسم BCP 47، مثل quz أو sw أو pt-BR)</translation>
    </message>
    <message>
        <source>Add language</source>
        <translation>إضافة لغة</translation>
    </message>
    <message>
        <source>Language tag (BCP 47), for example quz, sw, ar, pt-BR:</source>
        <translation>وسم اللغة (BCP 47)، مثل quz أو sw أو ar أو pt-BR:</translation>
    </message>
    <message>
        <source>“{tag}” is not a language tag (BCP 47), e.g. quz or pt-BR.</source>
        <translation>«{tag}» ليس وسم لغة (BCP 47)، مثل quz أو pt-BR.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>الملخص</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>title ({tag})</source>
        <translation>العنوان ({tag})</translation>
    </message>
    <message>
        <source>summary ({tag})</source>
        <translation>الملخص ({tag})</translation>
    </message>
    <message>
        <source>text ({tag})</source>
        <translation>النص ({tag})</translation>
    </message>
    <message>
        <source>type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>kind of resource</source>
        <translation>نوع المورد</translation>
    </message>
    <message>
        <source>keywords</source>
        <translation>الكلمات المفتاحية</translation>
    </message>
    <message>
        <source>community</source>
        <translation>المجتمع</translation>
    </message>
    <message>
        <source>date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>licence</source>
        <translation>الترخيص</translation>
    </message>
    <message>
        <source>link</source>
        <translation>الرابط</translation>
    </message>
    <message>
        <source>languages</source>
        <translation>اللغات</translation>
    </message>
    <message>
        <source>countries</source>
        <translation>البلدان</translation>
    </message>
    <message>
        <source>places</source>
        <translation>الأماكن</translation>
    </message>
    <message>
        <source>goal {code}</source>
        <translation>الهدف {code}</translation>
    </message>
    <message>
        <source>GBF targets</source>
        <translation>غايات الإطار العالمي</translation>
    </message>
    <message>
        <source>creators</source>
        <translation>المنشئون</translation>
    </message>
    <message>
        <source>access</source>
        <translation>الوصول</translation>
    </message>
    <message>
        <source>labels</source>
        <translation>التسميات</translation>
    </message>
</context>
<context>
    <name>RecordView</name>
    <message>
        <source>Record</source>
        <translation>السجل</translation>
    </message>
    <message>
        <source>The record selected in the list: its texts in every language, its targets, people, places and access.</source>
        <translation>السجل المحدد في القائمة: نصوصه بكل اللغات، وغاياته، وأشخاصه، وأماكنه، ومستوى الوصول إليه.</translation>
    </message>
    <message>
        <source>History</source>
        <translation>السجل التاريخي</translation>
    </message>
    <message>
        <source>Record pane</source>
        <translation>لوحة السجل</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>الموافقة</translation>
    </message>
    <message>
        <source>Select a record in the list to read it here.</source>
        <translation>اختر سجلًا من القائمة لقراءته هنا.</translation>
    </message>
    <message>
        <source>On the Clearing-House</source>
        <translation>على آلية تبادل المعلومات</translation>
    </message>
    <message>
        <source>Restricted record</source>
        <translation>سجل مقيّد</translation>
    </message>
    <message>
        <source>In conflict: {fields}. Two devices changed this at once; both values are kept and one is shown here. Choose in Hub › Records in conflict…</source>
        <translation>في تعارض: {fields}. غيّر جهازان هذا في الوقت نفسه؛ احتُفظ بالقيمتين وتظهر هنا إحداهما. اختر من المركز › سجلات في تعارض…</translation>
    </message>
    <message>
        <source>This record is protected by its community&apos;s rules. Its texts open only for a profile that may read them.</source>
        <translation>هذا السجل محمي بقواعد مجتمعه. لا تُفتح نصوصه إلا لملف شخصي يجوز له قراءتها.</translation>
    </message>
    <message>
        <source>Goal {code}: {title}</source>
        <translation>الهدف {code}: {title}</translation>
    </message>
    <message>
        <source>Target {number}: {title}</source>
        <translation>الغاية {number}: {title}</translation>
    </message>
    <message>
        <source>Kunming-Montreal Global Biodiversity Framework</source>
        <translation>إطار كونمينغ-مونتريال العالمي للتنوع البيولوجي</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>الوصف</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>الكلمات المفتاحية</translation>
    </message>
    <message>
        <source>CBD subjects</source>
        <translation>مواضيع اتفاقية التنوع البيولوجي</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>اللغات</translation>
    </message>
    <message>
        <source>Creators</source>
        <translation>المنشئون</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>المجتمع</translation>
    </message>
    <message>
        <source>People</source>
        <translation>الأشخاص</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>البلدان</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>الأماكن</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>أين</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>الترخيص</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>الرابط</translation>
    </message>
    <message>
        <source>Identifiers</source>
        <translation>المعرّفات</translation>
    </message>
    <message>
        <source>Contact details</source>
        <translation>بيانات الاتصال</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>المراجعة</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>أُنشئ</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>آخر تغيير</translation>
    </message>
    <message>
        <source>Record id</source>
        <translation>معرّف السجل</translation>
    </message>
    <message>
        <source>Not listed in the directory: without a valid consent to be listed (list_in_directory), contact details are withheld from locked views, search, exports, reports and the CHM.</source>
        <translation>غير مدرج في الدليل: بدون موافقة سارية على الإدراج (list_in_directory) تُحجب بيانات الاتصال عن العروض المقفلة والبحث والتصدير والتقارير وآلية تبادل المعلومات.</translation>
    </message>
    <message>
        <source>Listed in the directory with the consent of {who}, given on {day}.</source>
        <translation>مدرج في الدليل بموافقة {who}، الممنوحة في {day}.</translation>
    </message>
    <message>
        <source>Listed in the directory with a valid consent to be listed.</source>
        <translation>مدرج في الدليل بموافقة سارية على الإدراج.</translation>
    </message>
    <message>
        <source>From the CHM</source>
        <translation>من آلية تبادل المعلومات</translation>
    </message>
    <message>
        <source>Pulled from the central Clearing-House (identifier {identifier}). It is read-only here: the next pull brings its changes, or marks it withdrawn.</source>
        <translation>جُلب من آلية تبادل المعلومات المركزية (المعرّف {identifier}). وهو للقراءة فقط هنا: يجلب السحب التالي تغييراته أو يعلّمه مسحوباً.</translation>
    </message>
    <message>
        <source>May go to the national CHM once someone selects it for sharing.</source>
        <translation>يمكن إرساله إلى آلية تبادل المعلومات الوطنية بمجرد أن يختاره أحد للمشاركة.</translation>
    </message>
    <message>
        <source>Not eligible:</source>
        <translation>غير مؤهل:</translation>
    </message>
    <message>
        <source>Access and consent</source>
        <translation>الوصول والموافقة</translation>
    </message>
    <message>
        <source>Access level</source>
        <translation>مستوى الوصول</translation>
    </message>
    <message>
        <source>Protocols</source>
        <translation>البروتوكولات</translation>
    </message>
    <message>
        <source>members of any one</source>
        <translation>أعضاء أي واحد منها</translation>
    </message>
    <message>
        <source>Custodians</source>
        <translation>الأمناء</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>التسميات</translation>
    </message>
    <message>
        <source>Sharing</source>
        <translation>المشاركة</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>GBF report</source>
        <translation>تقرير الإطار العالمي للتنوع البيولوجي</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>مستند PDF</translation>
    </message>
    <message>
        <source>Web page (HTML)</source>
        <translation>صفحة ويب (HTML)</translation>
    </message>
    <message>
        <source>Markdown text</source>
        <translation>نص Markdown</translation>
    </message>
    <message>
        <source>All targets</source>
        <translation>كل الغايات</translation>
    </message>
    <message>
        <source>{number} · {title}</source>
        <translation>{number} – {title}</translation>
    </message>
    <message>
        <source>The report holds public records only, whoever is unlocked.</source>
        <translation>يتضمن التقرير السجلات العامة فقط، أيًّا كان الملف الشخصي المفتوح.</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>التنسيق:</translation>
    </message>
    <message>
        <source>Targets:</source>
        <translation>الغايات:</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>حفظ التقرير</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>جارٍ كتابة التقرير…</translation>
    </message>
</context>
<context>
    <name>SearchController</name>
    <message>
        <source>Search failed: {reason} {detail}</source>
        <translation>فشل البحث: {reason} {detail}</translation>
    </message>
    <message>
        <source>Showing results for {suggestion}.</source>
        <translation>عرض نتائج {suggestion}.</translation>
    </message>
    <message>
        <source>Did you mean {suggestion}?</source>
        <translation>هل تقصد {suggestion}؟</translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s)</source>
        <translation>
            <numerusform>%Ln سجل</numerusform>
            <numerusform>سجل واحد</numerusform>
            <numerusform>سجلان</numerusform>
            <numerusform>%Ln سجلات</numerusform>
            <numerusform>%Ln سجلًا</numerusform>
            <numerusform>%Ln سجل</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln shown</source>
        <translation>
            <numerusform>لا شيء معروض</numerusform>
            <numerusform>واحد معروض</numerusform>
            <numerusform>اثنان معروضان</numerusform>
            <numerusform>%Ln معروضة</numerusform>
            <numerusform>%Ln معروضًا</numerusform>
            <numerusform>%Ln معروض</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusProgress</name>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>SuggestionsBox</name>
    <message>
        <source>Suggested targets and subjects</source>
        <translation>الغايات والمواضيع المقترحة</translation>
    </message>
    <message>
        <source>Suggest</source>
        <translation>اقتراح</translation>
    </message>
    <message>
        <source>Propose GBF targets and CBD subjects from similar tagged records and the vocabularies&apos; own words; nothing is added without a click</source>
        <translation>يقترح غايات الإطار العالمي ومواضيع الاتفاقية من سجلات موسومة مشابهة ومن كلمات المفردات نفسها؛ لا يُضاف شيء دون نقرة</translation>
    </message>
    <message>
        <source>Looking at similar records…</source>
        <translation>جارٍ فحص سجلات مشابهة…</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>إضافة</translation>
    </message>
    <message>
        <source>Click Add for each one that fits.</source>
        <translation>انقر إضافة لكل ما يناسب.</translation>
    </message>
    <message>
        <source>No suggestion: add more text first.</source>
        <translation>لا اقتراح: أضف مزيداً من النص أولاً.</translation>
    </message>
    <message>
        <source>Target {number} · {title}</source>
        <translation>الغاية {number} · {title}</translation>
    </message>
    <message>
        <source>Subject: {title}</source>
        <translation>الموضوع: {title}</translation>
    </message>
    <message>
        <source>like «{title}»</source>
        <translation>مثل «{title}»</translation>
    </message>
    <message>
        <source>words: {words}</source>
        <translation>الكلمات: {words}</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <source>sent as draft</source>
        <translation>أُرسل كمسودة</translation>
    </message>
    <message>
        <source>submitted for review</source>
        <translation>قُدّم للمراجعة</translation>
    </message>
    <message>
        <source>failed: {reason}</source>
        <translation>فشل: {reason}</translation>
    </message>
    <message>
        <source>queued (last try: {error})</source>
        <translation>في قائمة الانتظار (آخر محاولة: {error})</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>في قائمة الانتظار</translation>
    </message>
    <message>
        <source>not shared</source>
        <translation>غير مشارَك</translation>
    </message>
    <message>
        <source>selected, not sent</source>
        <translation>محدد، لم يُرسل</translation>
    </message>
    <message>
        <source>retracted</source>
        <translation>مسحوب</translation>
    </message>
    <message>
        <source>not eligible, taken down</source>
        <translation>غير مؤهل، سُحب</translation>
    </message>
    <message>
        <source>The CHM does not know the realm “{realm}”: correct the target&apos;s realm (CHM, or CHM-DEV on the development host). Nothing was sent; records stay queued.</source>
        <translation>لا تعرف آلية تبادل المعلومات النطاق «{realm}»: صحّح نطاق الوجهة (CHM، أو CHM-DEV على خادم التطوير). لم يُرسل شيء؛ تبقى السجلات في قائمة الانتظار.</translation>
    </message>
    <message>
        <source>The CHM at {url} refused the e-mail or password (HTTP {status}). Records stay queued.</source>
        <translation>رفضت آلية تبادل المعلومات على {url} البريد الإلكتروني أو كلمة المرور (HTTP {status}). تبقى السجلات في قائمة الانتظار.</translation>
    </message>
    <message>
        <source>The target refused the account or its rights.</source>
        <translation>رفض الهدف الحساب أو صلاحياته.</translation>
    </message>
    <message>
        <source>This Bioland site accepts no new content (read-only). Records stay queued.</source>
        <translation>لا يقبل موقع Bioland هذا محتوى جديدًا (للقراءة فقط). تبقى السجلات في قائمة الانتظار.</translation>
    </message>
    <message>
        <source>This target is missing its account settings.</source>
        <translation>تنقص هذا الهدف إعدادات الحساب.</translation>
    </message>
    <message>
        <source>The run stopped.</source>
        <translation>توقف التشغيل.</translation>
    </message>
    <message>
        <source>Sync with the CHM</source>
        <translation>المزامنة مع آلية تبادل المعلومات</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>السجل</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>الهدف المقصود</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>المطلوب</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>آخر خطأ</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>الإخفاقات</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>المزامنة الآن</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>إعادة المحاولة الآن</translation>
    </message>
    <message>
        <source>Pull from the CHM</source>
        <translation>جلب من آلية تبادل المعلومات</translation>
    </message>
    <message>
        <source>Fetch the central CHM&apos;s public records for each CHM target&apos;s country into the read-only collection &quot;From the CHM&quot;</source>
        <translation>يجلب السجلات العامة لآلية تبادل المعلومات المركزية الخاصة ببلد كل هدف إلى المجموعة للقراءة فقط «من آلية تبادل المعلومات»</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>مشاركة</translation>
    </message>
    <message>
        <source>Pulling from the CHM…</source>
        <translation>جارٍ الجلب من آلية تبادل المعلومات…</translation>
    </message>
    <message>
        <source>{target}: {added} new, {updated} updated, {withdrawn} withdrawn from the CHM.</source>
        <translation>{target}: {added} جديد، {updated} محدّث، {withdrawn} مسحوب من آلية تبادل المعلومات.</translation>
    </message>
    <message>
        <source>The CHM needs the title in one of the six UN languages (Arabic, Chinese, English, French, Russian, Spanish); this record has: {languages}</source>
        <translation>تحتاج آلية تبادل المعلومات إلى العنوان بإحدى لغات الأمم المتحدة الست (العربية، الصينية، الإنكليزية، الفرنسية، الروسية، الإسبانية)؛ لغات هذا السجل: {languages}</translation>
    </message>
    <message>
        <source>The CHM accepts no identifier like this record&apos;s id; it is sent as {identifier}, the same every time.</source>
        <translation>لا تقبل آلية تبادل المعلومات معرّفًا مثل معرّف هذا السجل؛ يُرسل باسم {identifier}، وهو نفسه في كل مرة.</translation>
    </message>
    <message>
        <source>Share with {target}</source>
        <translation>مشاركة مع {target}</translation>
    </message>
    <message>
        <source>Sending needs an unlocked profile that holds the sync credentials (a custodian).</source>
        <translation>يتطلب الإرسال ملفًا شخصيًا مفتوحًا يحمل بيانات اعتماد المزامنة (أمين).</translation>
    </message>
    <message>
        <source>Send what waits for a retry at once, and try rejected records again</source>
        <translation>أرسل فورًا ما ينتظر إعادة المحاولة، وجرّب السجلات المرفوضة مرة أخرى</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>بانتظار الإرسال</translation>
    </message>
    <message>
        <source>Refused by the target (fix the record, then retry)</source>
        <translation>رفضه الهدف (أصلح السجل ثم أعد المحاولة)</translation>
    </message>
    <message>
        <source>This record</source>
        <translation>هذا السجل</translation>
    </message>
    <message>
        <source>Stop sharing</source>
        <translation>إيقاف المشاركة</translation>
    </message>
    <message>
        <source>Network: connected</source>
        <translation>الشبكة: متصلة</translation>
    </message>
    <message>
        <source>Network: offline — records wait in the outbox</source>
        <translation>الشبكة: غير متصلة — تنتظر السجلات في صندوق الصادر</translation>
    </message>
    <message>
        <source>Network: unknown — sync is tried every few minutes while records wait</source>
        <translation>الشبكة: غير معروفة — تُجرَّب المزامنة كل بضع دقائق بينما تنتظر السجلات</translation>
    </message>
    <message>
        <source>never</source>
        <translation>أبدًا</translation>
    </message>
    <message>
        <source>{target}: last sync {when}, {queued} waiting, {failed} refused</source>
        <translation>{target}: آخر مزامنة {when}، {queued} بانتظار الإرسال، {failed} مرفوضة</translation>
    </message>
    <message>
        <source>No sync target yet: a custodian adds one with &apos;kmdesk target add&apos;.</source>
        <translation>لا يوجد هدف مزامنة بعد: يضيف الأمين هدفًا باستخدام &apos;kmdesk target add&apos;.</translation>
    </message>
    <message>
        <source>(deleted record {id})</source>
        <translation>(سجل محذوف {id})</translation>
    </message>
    <message>
        <source>send</source>
        <translation>إرسال</translation>
    </message>
    <message>
        <source>take down</source>
        <translation>سحب</translation>
    </message>
    <message>
        <source>{todo}, tried {n}×</source>
        <translation>{todo}، جُرّب {n} مرة</translation>
    </message>
    <message>
        <source>{title} → {target}: {reason}</source>
        <translation>{title} ← {target}: {reason}</translation>
    </message>
    <message>
        <source>Syncing with the CHM…</source>
        <translation>جارٍ المزامنة مع آلية تبادل المعلومات…</translation>
    </message>
    <message>
        <source>Select a record to see whether it can be shared.</source>
        <translation>اختر سجلًا لمعرفة ما إذا كان يمكن مشاركته.</translation>
    </message>
    <message>
        <source>Eligible: consent and access allow sharing.</source>
        <translation>مؤهل: الموافقة والوصول يسمحان بالمشاركة.</translation>
    </message>
    <message>
        <source>Not eligible:</source>
        <translation>غير مؤهل:</translation>
    </message>
    <message>
        <source>The CHM still needs: {fields}</source>
        <translation>لا تزال آلية تبادل المعلومات تحتاج إلى: {fields}</translation>
    </message>
    <message>
        <source>The CHM would refuse: {problems}</source>
        <translation>سترفض آلية تبادل المعلومات: {problems}</translation>
    </message>
    <message>
        <source>No sync target yet.</source>
        <translation>لا يوجد هدف مزامنة بعد.</translation>
    </message>
</context>
<context>
    <name>TrashView</name>
    <message>
        <source>Trash</source>
        <translation>سلة المحذوفات</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>تاريخ الحذف</translation>
    </message>
    <message>
        <source>Deleted by</source>
        <translation>حُذف بواسطة</translation>
    </message>
    <message>
        <source>Deleted records</source>
        <translation>السجلات المحذوفة</translation>
    </message>
    <message>
        <source>Records deleted from this library, newest first, with when and by whom; choose one and press Restore to bring it back.</source>
        <translation>السجلات المحذوفة من هذه المكتبة، الأحدث أولًا، مع وقت الحذف ومن حذفها؛ اختر سجلًا واضغط «استعادة» لإرجاعه.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;استعادة</translation>
    </message>
    <message>
        <source>Put the chosen record back in the library, as it was.</source>
        <translation>أعد السجل المختار إلى المكتبة كما كان.</translation>
    </message>
    <message>
        <source>&amp;Empty trash…</source>
        <translation>إ&amp;فراغ السلة…</translation>
    </message>
    <message>
        <source>Forget every deleted record you may remove, with its files, after asking; this cannot be undone.</source>
        <translation>بعد التأكيد، انسَ كل سجل محذوف يحق لك إزالته مع ملفاته؛ لا يمكن التراجع عن ذلك.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Trash status</source>
        <translation>حالة سلة المحذوفات</translation>
    </message>
    <message>
        <source>Reading the trash…</source>
        <translation>جارٍ قراءة سلة المحذوفات…</translation>
    </message>
    <message>
        <source>Damaged record (failed its integrity check)</source>
        <translation>سجل تالف (لم يجتز فحص السلامة)</translation>
    </message>
    <message>
        <source>Restricted record (you cannot open it)</source>
        <translation>سجل مقيَّد (لا يمكنك فتحه)</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(بلا عنوان)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln deleted record(s).</source>
        <translation>
            <numerusform>%Ln سجل محذوف</numerusform>
            <numerusform>سجل محذوف واحد</numerusform>
            <numerusform>سجلان محذوفان</numerusform>
            <numerusform>%Ln سجلات محذوفة</numerusform>
            <numerusform>%Ln سجلًا محذوفًا</numerusform>
            <numerusform>%Ln سجل محذوف</numerusform>
        </translation>
    </message>
    <message>
        <source>The trash is empty.</source>
        <translation>سلة المحذوفات فارغة.</translation>
    </message>
    <message>
        <source>Restored “{title}”.</source>
        <translation>استُعيد «{title}».</translation>
    </message>
    <message>
        <source>{headline} {detail}</source>
        <translation>{headline} {detail}</translation>
    </message>
</context>
<context>
    <name>WithdrawConsentDialog</name>
    <message>
        <source>Withdraw consent</source>
        <translation>سحب الموافقة</translation>
    </message>
    <message>
        <source>Withdraw consent for “{title}”. The record will be retracted from the Clearing-House at the next sync; the history keeps the consent and its withdrawal.</source>
        <translation>سحب الموافقة على «{title}». سيُسحب السجل من آلية تبادل المعلومات عند المزامنة التالية؛ ويحتفظ السجل التاريخي بالموافقة وسحبها.</translation>
    </message>
    <message>
        <source>Every consent still standing</source>
        <translation>كل موافقة لا تزال سارية</translation>
    </message>
    <message>
        <source>Given {date} by {name}</source>
        <translation>منحها {name} في {date}</translation>
    </message>
    <message>
        <source>the person or authority withdrawing it</source>
        <translation>الشخص أو السلطة التي تسحبها</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>الموافقة</translation>
    </message>
    <message>
        <source>Withdrawn on</source>
        <translation>تاريخ السحب</translation>
    </message>
    <message>
        <source>Withdrawn by</source>
        <translation>سحبها</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>سحب</translation>
    </message>
    <message>
        <source>Say who withdrew the consent.</source>
        <translation>اذكر من سحب الموافقة.</translation>
    </message>
</context>
<context>
    <name>access</name>
    <message>
        <source>Anyone using this library can read it. It may go to the national Clearing-House Mechanism when a consent covers that and no label forbids it.</source>
        <translation>يمكن لأي شخص يستخدم هذه المكتبة قراءته. ويمكن إرساله إلى آلية تبادل المعلومات الوطنية عندما تشمل ذلك موافقة ولا تمنعه أي تسمية.</translation>
    </message>
    <message>
        <source>Only members of the record&apos;s community can read it. Its texts are encrypted on this computer; others see that it exists, not what it says.</source>
        <translation>لا يمكن قراءته إلا لأعضاء مجتمع السجل. نصوصه مشفّرة على هذا الحاسوب؛ يرى الآخرون أنه موجود، لا ما يقوله.</translation>
    </message>
    <message>
        <source>Only members of the cultural protocols ticked below can read it (all of them, or any one, as chosen). Its texts are encrypted; others see a sealed record.</source>
        <translation>لا يمكن قراءته إلا لأعضاء البروتوكولات الثقافية المحددة أدناه (جميعها، أو أيٍّ منها، حسب الاختيار). نصوصه مشفّرة؛ يرى الآخرون سجلًا مختومًا.</translation>
    </message>
    <message>
        <source>Only the custodians named below can read it, and nobody else even sees that it exists. It never leaves this computer: no export, no sync.</source>
        <translation>لا يمكن قراءته إلا للأمناء المذكورين أدناه، ولا يرى غيرهم حتى أنه موجود. لا يغادر هذا الحاسوب أبدًا: لا تصدير ولا مزامنة.</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>سارية</translation>
    </message>
    <message>
        <source>Expiring soon</source>
        <translation>تنتهي قريبًا</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>منتهية</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>مسحوبة</translation>
    </message>
    <message>
        <source>No consent</source>
        <translation>لا موافقة</translation>
    </message>
    <message>
        <source>A current consent is in force.</source>
        <translation>توجد موافقة سارية المفعول.</translation>
    </message>
    <message>
        <source>The consent in force ends within 30 days; ask the community whether to renew it.</source>
        <translation>تنتهي الموافقة السارية خلال 30 يومًا؛ اسأل المجتمع عمّا إذا كان يريد تجديدها.</translation>
    </message>
    <message>
        <source>The consent has expired; the record is not shared until a new consent is recorded.</source>
        <translation>انتهت صلاحية الموافقة؛ لن يُشارَك السجل حتى تُسجَّل موافقة جديدة.</translation>
    </message>
    <message>
        <source>The community withdrew its consent; the record is retracted from the CHM at the next sync.</source>
        <translation>سحب المجتمع موافقته؛ سيُسحب السجل من آلية تبادل المعلومات في المزامنة التالية.</translation>
    </message>
    <message>
        <source>No consent has been recorded.</source>
        <translation>لم تُسجَّل أي موافقة.</translation>
    </message>
    <message>
        <source>custodian</source>
        <translation>أمين</translation>
    </message>
    <message>
        <source>contributor</source>
        <translation>مساهم</translation>
    </message>
    <message>
        <source>viewer</source>
        <translation>قارئ</translation>
    </message>
    <message>
        <source>Nobody has selected it for sharing yet.</source>
        <translation>لم يختره أحد للمشاركة بعد.</translation>
    </message>
    <message>
        <source>Its access level is {level}, not public.</source>
        <translation>مستوى الوصول إليه {level}، وليس عامًا.</translation>
    </message>
    <message>
        <source>Sacred knowledge never leaves this computer.</source>
        <translation>المعارف المقدسة لا تغادر هذا الحاسوب أبدًا.</translation>
    </message>
    <message>
        <source>It is a community&apos;s knowledge: it needs a current consent covering “Share with the national CHM”.</source>
        <translation>إنها معارف مجتمع: تحتاج إلى موافقة سارية تشمل «المشاركة مع آلية تبادل المعلومات الوطنية».</translation>
    </message>
    <message>
        <source>The consent expired on {date}.</source>
        <translation>انتهت الموافقة في {date}.</translation>
    </message>
    <message>
        <source>The consent was withdrawn on {date}.</source>
        <translation>سُحبت الموافقة في {date}.</translation>
    </message>
    <message>
        <source>The current consent&apos;s scope is sealed: unlock a profile that may read this record to see whether it covers sharing with the CHM.</source>
        <translation>نطاق الموافقة الحالية مختوم: افتح ملفًا شخصيًا يحق له قراءة هذا السجل لترى هل يشمل المشاركة مع آلية تبادل المعلومات.</translation>
    </message>
    <message>
        <source>The current consent does not cover sharing with the CHM (it allows: {scopes}).</source>
        <translation>الموافقة السارية لا تشمل المشاركة مع آلية تبادل المعلومات (تسمح بـ: {scopes}).</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>لا شيء</translation>
    </message>
    <message>
        <source>The label {label} forbids sharing.</source>
        <translation>التسمية {label} تمنع المشاركة.</translation>
    </message>
    <message>
        <source>It failed its integrity check ({problem}): it cannot be shared.</source>
        <translation>لم يجتز فحص السلامة ({problem}): لا يمكن مشاركته.</translation>
    </message>
</context>
<context>
    <name>accessibility</name>
    <message>
        <source>More</source>
        <translation>المزيد</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>تحديد الكل</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>مسح</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Demo library loaded: {count} records.</source>
        <translation>حُمّلت المكتبة التجريبية: {count} سجلًا.</translation>
    </message>
    <message>
        <source>Preparing the demo library…</source>
        <translation>جارٍ إعداد المكتبة التجريبية…</translation>
    </message>
    <message>
        <source>Library upgraded; its previous state is kept in {path}</source>
        <translation>تمت ترقية المكتبة؛ حالتها السابقة محفوظة في {path}</translation>
    </message>
    <message>
        <source>Its rows are not signed yet: until a custodian unlocks the library, they are untrusted.</source>
        <translation>صفوفها غير موقعة بعد: إلى أن يفتح أحد الأمناء المكتبة، فهي غير موثوقة.</translation>
    </message>
    <message>
        <source>consent</source>
        <translation>الموافقة</translation>
    </message>
    <message>
        <source>membership</source>
        <translation>العضوية</translation>
    </message>
    <message>
        <source>profile</source>
        <translation>الملف الشخصي</translation>
    </message>
    <message>
        <source>audit log</source>
        <translation>سجل التدقيق</translation>
    </message>
    <message>
        <source>Warning: this library is older than when it was last opened here ({parts}). If no backup was restored, someone put an older copy in its place.</source>
        <translation>تحذير: هذه المكتبة أقدم مما كانت عليه عند آخر فتح لها هنا ({parts}). إذا لم تتم استعادة نسخة احتياطية، فقد وضع أحدهم نسخة أقدم مكانها.</translation>
    </message>
    <message>
        <source>kmdesk cannot open the library</source>
        <translation>لا يستطيع kmdesk فتح المكتبة</translation>
    </message>
</context>
<context>
    <name>audit</name>
    <message>
        <source>File attached</source>
        <translation>أُرفق ملف</translation>
    </message>
    <message>
        <source>File removed</source>
        <translation>أُزيل ملف</translation>
    </message>
    <message>
        <source>Community added</source>
        <translation>أُضيف مجتمع</translation>
    </message>
    <message>
        <source>Consent recorded</source>
        <translation>سُجّلت موافقة</translation>
    </message>
    <message>
        <source>Consent withdrawn</source>
        <translation>سُحبت موافقة</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <source>Hub labels imported</source>
        <translation>استُوردت تسميات Hub</translation>
    </message>
    <message>
        <source>Member added</source>
        <translation>أُضيف عضو</translation>
    </message>
    <message>
        <source>Member removed</source>
        <translation>أُزيل عضو</translation>
    </message>
    <message>
        <source>Passphrase changed</source>
        <translation>تغيّرت عبارة المرور</translation>
    </message>
    <message>
        <source>Profile created</source>
        <translation>أُنشئ ملف شخصي</translation>
    </message>
    <message>
        <source>Protocol added</source>
        <translation>أُضيف بروتوكول</translation>
    </message>
    <message>
        <source>Selected for sharing</source>
        <translation>اختير للمشاركة</translation>
    </message>
    <message>
        <source>Sharing stopped</source>
        <translation>أُوقفت المشاركة</translation>
    </message>
    <message>
        <source>Sync target added</source>
        <translation>أُضيفت وجهة مزامنة</translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation>فُتح القفل</translation>
    </message>
    <message>
        <source>Unlock refused</source>
        <translation>رُفض فتح القفل</translation>
    </message>
    <message>
        <source>Protected record read</source>
        <translation>قُرئ سجل محمي</translation>
    </message>
    <message>
        <source>Protected file opened</source>
        <translation>فُتح ملف محمي</translation>
    </message>
    <message>
        <source>Sent to the target</source>
        <translation>أُرسل إلى الوجهة</translation>
    </message>
    <message>
        <source>Taken down from the target</source>
        <translation>سُحب من الوجهة</translation>
    </message>
    <message>
        <source>Refused by the target</source>
        <translation>رفضته الوجهة</translation>
    </message>
    <message>
        <source>Access changed</source>
        <translation>تم تغيير الوصول</translation>
    </message>
    <message>
        <source>Consent attested</source>
        <translation>تم التصديق على الموافقة</translation>
    </message>
    <message>
        <source>Consent imported</source>
        <translation>تم استيراد الموافقة</translation>
    </message>
    <message>
        <source>Damaged text repaired</source>
        <translation>تم إصلاح نص تالف</translation>
    </message>
    <message>
        <source>Sync target changed</source>
        <translation>تم تغيير هدف المزامنة</translation>
    </message>
    <message>
        <source>Sync target removed</source>
        <translation>تمت إزالة هدف المزامنة</translation>
    </message>
    <message>
        <source>Library file protection upgraded</source>
        <translation>تمت ترقية حماية ملف المكتبة</translation>
    </message>
    <message>
        <source>Joined a community hub</source>
        <translation>تم الانضمام إلى الخادم المشترك للمجتمع</translation>
    </message>
    <message>
        <source>Synced with the community hub</source>
        <translation>تمت المزامنة مع الخادم المشترك للمجتمع</translation>
    </message>
    <message>
        <source>Restored from the trash</source>
        <translation>استُعيد من سلة المحذوفات</translation>
    </message>
    <message>
        <source>Forgotten for good (trash emptied)</source>
        <translation>نُسي نهائيًا (أُفرغت السلة)</translation>
    </message>
    <message>
        <source>Sync credentials (held by custodians)</source>
        <translation>بيانات اعتماد المزامنة (لدى الأمناء)</translation>
    </message>
    <message>
        <source>roles</source>
        <translation>الأدوار</translation>
    </message>
    <message>
        <source>profile</source>
        <translation>الملف الشخصي</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>address</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>access</source>
        <translation>الوصول</translation>
    </message>
    <message>
        <source>target</source>
        <translation>الوجهة</translation>
    </message>
    <message>
        <source>to do</source>
        <translation>المطلوب</translation>
    </message>
    <message>
        <source>count</source>
        <translation>العدد</translation>
    </message>
    <message>
        <source>format</source>
        <translation>الصيغة</translation>
    </message>
    <message>
        <source>records</source>
        <translation>السجلات</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <source>name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>protocol</source>
        <translation>البروتوكول</translation>
    </message>
    <message>
        <source>file</source>
        <translation>الملف</translation>
    </message>
    <message>
        <source>scope</source>
        <translation>النطاق</translation>
    </message>
    <message>
        <source>files</source>
        <translation>الملفات</translation>
    </message>
    <message>
        <source>a protected record</source>
        <translation>سجل محمي</translation>
    </message>
</context>
<context>
    <name>date</name>
    <message>
        <source>{month} {year}</source>
        <translation>{month} {year}</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>Delete record</source>
        <translation>حذف السجل</translation>
    </message>
    <message>
        <source>Delete “{title}”?

The record goes to the trash, where it can be restored until the trash is emptied.</source>
        <translation>حذف «{title}»؟

ينتقل السجل إلى سلة المحذوفات، ويمكن استعادته ما لم تُفرَغ السلة.</translation>
    </message>
    <message>
        <source>This library is on a read-only medium: you can read and search it, not change it. Copy its folder to a writable place to change it.</source>
        <translation>هذه المكتبة على وسيط للقراءة فقط: يمكنك قراءتها والبحث فيها، لا تغييرها. انسخ مجلدها إلى مكان قابل للكتابة لتغييرها.</translation>
    </message>
    <message>
        <source>It is no longer there: it may have been deleted or moved.</source>
        <translation>لم يعد موجودًا: ربما حُذف أو نُقل.</translation>
    </message>
    <message>
        <source>Some of what was entered cannot be saved as it is.</source>
        <translation>لا يمكن حفظ بعض ما أُدخل كما هو.</translation>
    </message>
    <message>
        <source>This record comes from the CHM and is read-only here: the next pull brings its changes.</source>
        <translation>هذا السجل من آلية تبادل المعلومات وهو للقراءة فقط هنا: يجلب السحب التالي تغييراته.</translation>
    </message>
    <message>
        <source>You do not have permission to do this.</source>
        <translation>ليس لديك إذن للقيام بذلك.</translation>
    </message>
    <message>
        <source>The library could not complete this change.</source>
        <translation>تعذّر على المكتبة إتمام هذا التغيير.</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was changed.</source>
        <translation>أُلغي. لم يتغيّر شيء.</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>حدث خطأ ما.</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>أُلغي</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>خطأ</translation>
    </message>
</context>
<context>
    <name>editor</name>
    <message>
        <source>Change {field}</source>
        <translation>تغيير {field}</translation>
    </message>
    <message>
        <source>Add language {tag}</source>
        <translation>إضافة اللغة {tag}</translation>
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <source>row {row}</source>
        <translation>الصف {row}</translation>
    </message>
    <message>
        <source>rows {row}–{last}</source>
        <translation>الصفوف {row}–{last}</translation>
    </message>
    <message>
        <source>sheet “{sheet}” row {row}</source>
        <translation>الورقة «{sheet}»، الصف {row}</translation>
    </message>
    <message>
        <source>entry {entry} (line {line})</source>
        <translation>المُدخل {entry} (السطر {line})</translation>
    </message>
    <message>
        <source>entry {entry} “{key}” (line {line})</source>
        <translation>المُدخل {entry} «{key}» (السطر {line})</translation>
    </message>
    <message>
        <source>@string (line {line})</source>
        <translation>@string (السطر {line})</translation>
    </message>
    <message>
        <source>line {line}</source>
        <translation>السطر {line}</translation>
    </message>
    <message>
        <source>document {document}</source>
        <translation>الوثيقة {document}</translation>
    </message>
    <message>
        <source>document {document} ({identifier})</source>
        <translation>الوثيقة {document} ({identifier})</translation>
    </message>
    <message>
        <source>record {record}</source>
        <translation>السجل {record}</translation>
    </message>
    <message>
        <source>sealed record {record}</source>
        <translation>السجل المختوم {record}</translation>
    </message>
    <message>
        <source>line {line}: not valid UTF-8 (byte 0x{byte} at character {at}); save the file as UTF-8</source>
        <translation>السطر {line}: ترميز UTF-8 غير صالح (البايت 0x{byte} عند الحرف {at})؛ احفظ الملف بترميز UTF-8</translation>
    </message>
    <message>
        <source>not valid UTF-8 (byte 0x{byte} at character {at}); save the file as UTF-8</source>
        <translation>ترميز UTF-8 غير صالح (البايت 0x{byte} عند الحرف {at})؛ احفظ الملف بترميز UTF-8</translation>
    </message>
    <message>
        <source>expected {expected} cells, found {found} (a quote is probably left open)</source>
        <translation>كان المتوقع {expected} خلية، ووُجدت {found} (ربما بقيت علامة اقتباس مفتوحة)</translation>
    </message>
    <message>
        <source>expected {expected} cells, found {found} (check the quotes and separators)</source>
        <translation>كان المتوقع {expected} خلية، ووُجدت {found} (تحقق من علامات الاقتباس والفواصل)</translation>
    </message>
    <message>
        <source>not valid {encoding} (byte 0x{byte} at position {at}); save the file as UTF-8</source>
        <translation>ترميز {encoding} غير صالح (البايت 0x{byte} في الموضع {at})؛ احفظ الملف بترميز UTF-8</translation>
    </message>
    <message>
        <source>a line longer than {limit_mb} MB (the limit)</source>
        <translation>سطر أطول من {limit_mb} ميغابايت (الحد الأقصى)</translation>
    </message>
    <message>
        <source>cannot be read as CSV; check the quotes ({detail})</source>
        <translation>تتعذر قراءته بصيغة CSV؛ تحقق من علامات الاقتباس ({detail})</translation>
    </message>
    <message>
        <source>a cell cannot be read ({detail}); this row and the rest of the sheet were not read</source>
        <translation>تتعذر قراءة خلية ({detail})؛ لم يُقرأ هذا الصف ولا بقية الورقة</translation>
    </message>
    <message>
        <source>{count} value(s) in columns without a name in row 1</source>
        <translation>{count} قيمة في أعمدة بلا اسم في الصف 1</translation>
    </message>
    <message>
        <source>the macro was refused and not defined ({detail})</source>
        <translation>رُفض الماكرو ولم يُعرَّف ({detail})</translation>
    </message>
    <message>
        <source>expected “@type{{key,” after “@”</source>
        <translation>كان المتوقع «@type{{key,» بعد «@»</translation>
    </message>
    <message>
        <source>the entry cannot be read and was skipped ({detail})</source>
        <translation>تتعذر قراءة المُدخل فتُخطّي ({detail})</translation>
    </message>
    <message>
        <source>line {line}: the {tag} value is longer than {limit_kb} KB (the limit); the entry was not imported</source>
        <translation>السطر {line}: قيمة {tag} أطول من {limit_kb} كيلوبايت (الحد الأقصى)؛ لم يُستورد المُدخل</translation>
    </message>
    <message>
        <source>no RIS entry found (an entry starts with “TY  - ”)</source>
        <translation>لم يُعثر على أي مُدخل RIS (يبدأ المُدخل بـ «TY  - »)</translation>
    </message>
    <message>
        <source>not a CHM resource document (its schema is “{schema}”)</source>
        <translation>ليست وثيقة مورد من آلية تبادل المعلومات (مخططها «{schema}»)</translation>
    </message>
    <message>
        <source>the document has an unexpected shape ({detail})</source>
        <translation>للوثيقة بنية غير متوقعة ({detail})</translation>
    </message>
    <message>
        <source>sealed for transfer: give the archive passphrase to import it</source>
        <translation>مختوم للنقل: أدخل عبارة مرور الأرشيف لاستيراده</translation>
    </message>
    <message>
        <source>the sealed envelope has an unexpected shape</source>
        <translation>للمغلّف المختوم بنية غير متوقعة</translation>
    </message>
    <message>
        <source>duplicate of {existing} (the same identifier)</source>
        <translation>نسخة مكررة من {existing} (المعرّف نفسه)</translation>
    </message>
    <message>
        <source>duplicate of {existing} (the same DOI {doi})</source>
        <translation>نسخة مكررة من {existing} (معرّف DOI نفسه {doi})</translation>
    </message>
    <message>
        <source>duplicate of {existing} (the same title and year)</source>
        <translation>نسخة مكررة من {existing} (العنوان والسنة نفساهما)</translation>
    </message>
    <message>
        <source>duplicate of {existing} (a nearly identical title, the same year)</source>
        <translation>نسخة مكررة من {existing} (عنوان شبه مطابق، والسنة نفسها)</translation>
    </message>
    <message>
        <source>{field} cannot be imported as it is ({detail})</source>
        <translation>لا يمكن استيراد «{field}» كما هو ({detail})</translation>
    </message>
    <message>
        <source>would be merged into {existing}</source>
        <translation>سيُدمج في {existing}</translation>
    </message>
    <message>
        <source>merged with {existing}</source>
        <translation>دُمج مع {existing}</translation>
    </message>
    <message>
        <source>a record with this identifier is already in the library</source>
        <translation>يوجد في المكتبة سجل بهذا المعرّف</translation>
    </message>
    <message>
        <source>the library refused it ({detail})</source>
        <translation>رفضته المكتبة ({detail})</translation>
    </message>
    <message>
        <source>no ER line before the next entry (line {line})</source>
        <translation>لا يوجد سطر ER قبل المُدخل التالي (السطر {line})</translation>
    </message>
    <message>
        <source>text outside any entry ignored on line(s) {lines}</source>
        <translation>تُجوهل نص خارج أي مُدخل في السطر (الأسطر) {lines}</translation>
    </message>
    <message>
        <source>unknown tag {tag} (line {line}) ignored</source>
        <translation>تُجوهل الوسم غير المعروف {tag} (السطر {line})</translation>
    </message>
    <message>
        <source>the file ended without an ER line</source>
        <translation>انتهى الملف دون سطر ER</translation>
    </message>
</context>
<context>
    <name>lock_screen</name>
    <message>
        <source>Too short: at least 8 characters.</source>
        <translation>قصيرة جدًا: 8 أحرف على الأقل.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>قوية.</translation>
    </message>
    <message>
        <source>Good. A few more words make it stronger.</source>
        <translation>جيدة. بضع كلمات أخرى تجعلها أقوى.</translation>
    </message>
    <message>
        <source>Weak: use several words, 16 characters or more.</source>
        <translation>ضعيفة: استخدم عدة كلمات، 16 حرفًا أو أكثر.</translation>
    </message>
</context>
<context>
    <name>match</name>
    <message>
        <source>both about {terms}</source>
        <translation>يتناول كلاهما {terms}</translation>
    </message>
    <message>
        <source>same target {targets}</source>
        <translation>الغاية نفسها {targets}</translation>
    </message>
    <message>
        <source>same subject: {subjects}</source>
        <translation>الموضوع نفسه: {subjects}</translation>
    </message>
    <message>
        <source>same country: {countries}</source>
        <translation>البلد نفسه: {countries}</translation>
    </message>
    <message>
        <source>speaks {languages}</source>
        <translation>يتحدث {languages}</translation>
    </message>
    <message>
        <source>shares the words {words}</source>
        <translation>يشترك في الكلمات {words}</translation>
    </message>
</context>
<context>
    <name>report</name>
    <message>
        <source>GBF report: target {number}</source>
        <translation>تقرير الإطار العالمي للتنوع البيولوجي: الغاية {number}</translation>
    </message>
    <message>
        <source>GBF report</source>
        <translation>تقرير الإطار العالمي للتنوع البيولوجي</translation>
    </message>
    <message>
        <source>Target {number}: {title}</source>
        <translation>الغاية {number}: {title}</translation>
    </message>
    <message>
        <source>Shared with the CHM</source>
        <translation>تمت مشاركتها مع آلية تبادل المعلومات</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>بانتظار الإرسال</translation>
    </message>
    <message>
        <source>Refused by the CHM</source>
        <translation>رفضتها آلية تبادل المعلومات</translation>
    </message>
    <message>
        <source>Withdrawn from the CHM</source>
        <translation>سُحبت من آلية تبادل المعلومات</translation>
    </message>
    <message>
        <source>Consent valid</source>
        <translation>الموافقة سارية</translation>
    </message>
    <message>
        <source>Library {library}, {date}. {records} public records; {covered} of {targets} targets covered. Records that are not public are never part of this report.</source>
        <translation>المكتبة {library}، {date}. {records} سجلًا عامًا؛ {covered} من {targets} غاية مشمولة. لا تدخل السجلات غير العامة في هذا التقرير أبدًا.</translation>
    </message>
    <message>
        <source> · </source>
        <comment>separates a record&apos;s type, community and date</comment>
        <translation>، </translation>
    </message>
    <message>
        <source>Consent expiring within {days} days</source>
        <translation>الموافقة تنتهي خلال {days} يومًا</translation>
    </message>
    <message>
        <source>Consent expired</source>
        <translation>الموافقة منتهية</translation>
    </message>
    <message>
        <source>Consent withdrawn</source>
        <translation>الموافقة مسحوبة</translation>
    </message>
    <message>
        <source>Contributions of communities</source>
        <translation>مساهمات المجتمعات</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>البلدان</translation>
    </message>
    <message>
        <source>Sharing with the CHM</source>
        <translation>المشاركة مع آلية تبادل المعلومات</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>الموافقة</translation>
    </message>
    <message>
        <source>Coverage per target</source>
        <translation>التغطية حسب الغاية</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>الغاية</translation>
    </message>
    <message>
        <source>Public records</source>
        <translation>السجلات العامة</translation>
    </message>
    <message>
        <source>On the CHM:</source>
        <translation>في آلية تبادل المعلومات:</translation>
    </message>
    <message>
        <source>No public record covers this target yet.</source>
        <translation>لا يوجد بعد سجل عام يغطي هذه الغاية.</translation>
    </message>
    <message>
        <source>Reasons for refusals</source>
        <translation>أسباب الرفض</translation>
    </message>
    <message>
        <source>No font on this system draws {scripts}: the PDF would show empty boxes, so it was not written. Install fonts for it (e.g. {packages}) or write the report as HTML or Markdown.</source>
        <translation>لا يوجد في هذا النظام خط يرسم {scripts}: كان ملف PDF سيعرض مربعات فارغة، لذلك لم يُكتب. ثبّت خطوطًا لها (مثل {packages}) أو اكتب التقرير بصيغة HTML أو Markdown.</translation>
    </message>
</context>
<context>
    <name>trash</name>
    <message>
        <source>Empty trash</source>
        <translation>إفراغ السلة</translation>
    </message>
    <message>
        <source>Forget every deleted record you may remove, with its files?

This cannot be undone.</source>
        <translation>نسيان كل سجل محذوف يحق لك إزالته مع ملفاته؟

لا يمكن التراجع عن ذلك.</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>edit of “{title}”</source>
        <translation>تعديل «{title}»</translation>
    </message>
</context>
</TS>
