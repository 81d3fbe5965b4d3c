<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>AccessEditor</name>
    <message>
        <source>Who may read this record</source>
        <translation>Кто может читать эту запись</translation>
    </message>
    <message>
        <source>The record&apos;s community (the same as on the Description page); a community record opens for its members.</source>
        <translation>Община записи (та же, что на странице «Описание»); запись общины открывается её членам.</translation>
    </message>
    <message>
        <source>Cultural protocols</source>
        <translation>Культурные протоколы</translation>
    </message>
    <message>
        <source>Members of all ticked protocols</source>
        <translation>Члены всех отмеченных протоколов</translation>
    </message>
    <message>
        <source>Members of any one of them</source>
        <translation>Члены любого из них</translation>
    </message>
    <message>
        <source>Custodians of this sacred record</source>
        <translation>Хранители этой священной записи</translation>
    </message>
    <message>
        <source>Local Contexts labels and notices</source>
        <translation>Метки и уведомления Local Contexts</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Община</translation>
    </message>
    <message>
        <source>Protecting a record needs an unlocked profile that holds the community&apos;s or the protocols&apos; keys.</source>
        <translation>Чтобы защитить запись, нужен разблокированный профиль с ключами общины или протоколов.</translation>
    </message>
    <message>
        <source>You are not a member of any cultural protocol you could apply.</source>
        <translation>Вы не состоите ни в одном культурном протоколе, который могли бы применить.</translation>
    </message>
    <message>
        <source>You are not a member of this protocol, so it stays on the record as it is.</source>
        <translation>Вы не состоите в этом протоколе, поэтому он остаётся на записи без изменений.</translation>
    </message>
    <message>
        <source>Open protocol: anyone with a profile may read, members may edit.</source>
        <translation>Открытый протокол: читать может любой с профилем, изменять — члены.</translation>
    </message>
    <message>
        <source>Strict protocol: members only.</source>
        <translation>Строгий протокол: только для членов.</translation>
    </message>
    <message>
        <source>{code} · {name}</source>
        <translation>{code} · {name}</translation>
    </message>
    <message>
        <source>This label forbids sharing with the CHM.</source>
        <translation>Эта метка запрещает передачу в Механизм посредничества.</translation>
    </message>
    <message>
        <source>{community} ({language}), Hub project {project}: {text}</source>
        <translation>{community} ({language}), проект Hub {project}: {text}</translation>
    </message>
</context>
<context>
    <name>ActionsController</name>
    <message>
        <source>&amp;New record…</source>
        <translation>&amp;Новая запись…</translation>
    </message>
    <message>
        <source>Create a record</source>
        <translation>Создать запись</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Импорт…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Экспорт…</translation>
    </message>
    <message>
        <source>&amp;Rebuild search index…</source>
        <translation>&amp;Перестроить поисковый индекс…</translation>
    </message>
    <message>
        <source>&amp;Check index</source>
        <translation>П&amp;роверить индекс</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <source>&amp;Edit record…</source>
        <translation>&amp;Изменить запись…</translation>
    </message>
    <message>
        <source>Edit the selected record</source>
        <translation>Изменить выбранную запись</translation>
    </message>
    <message>
        <source>&amp;Delete record…</source>
        <translation>&amp;Удалить запись…</translation>
    </message>
    <message>
        <source>Delete the selected record</source>
        <translation>Удалить выбранную запись</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Найти</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>О&amp;бновить</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <source>&amp;About kmdesk</source>
        <translation>&amp;О программе kmdesk</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Основная панель инструментов</translation>
    </message>
    <message>
        <source>Search titles, texts, places, people…</source>
        <translation>Поиск по названиям, текстам, местам, людям…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Поиск</translation>
    </message>
    <message>
        <source>Words to look for in titles, texts, places and people; the list shows what they find as you type (Ctrl+F comes here).</source>
        <translation>Слова для поиска в названиях, текстах, местах и людях; список показывает найденное по мере ввода (сюда ведёт Ctrl+F).</translation>
    </message>
</context>
<context>
    <name>AddProfileDialog</name>
    <message>
        <source>Add a profile</source>
        <translation>Добавить профиль</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Парольная фраза</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Парольная фраза ещё раз</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Роли</translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation>Дайте профилю имя.</translation>
    </message>
    <message>
        <source>The passphrase needs at least 8 characters.</source>
        <translation>Парольная фраза должна содержать не менее 8 символов.</translation>
    </message>
    <message>
        <source>The two passphrases differ; type them again.</source>
        <translation>Парольные фразы не совпадают; введите их ещё раз.</translation>
    </message>
    <message>
        <source>Choose at least one role.</source>
        <translation>Выберите хотя бы одну роль.</translation>
    </message>
</context>
<context>
    <name>AddProtocolDialog</name>
    <message>
        <source>Add a cultural protocol</source>
        <translation>Добавить культурный протокол</translation>
    </message>
    <message>
        <source>e.g. Women&apos;s knowledge, clan X</source>
        <translation>напр., Знания женщин, клан X</translation>
    </message>
    <message>
        <source>(across communities)</source>
        <translation>(для нескольких общин)</translation>
    </message>
    <message>
        <source>Strict: only members may see its records</source>
        <translation>Строгий: его записи видят только члены</translation>
    </message>
    <message>
        <source>Open: anyone with a profile may see, members may edit</source>
        <translation>Открытый: видеть может любой с профилем, изменять — члены</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Община</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
</context>
<context>
    <name>AttachmentsView</name>
    <message>
        <source>Files</source>
        <translation>Файлы</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Добавить файлы…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>Сохранить копию…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Sealed file (unlock to see its name)</source>
        <translation>Запечатанный файл (разблокируйте, чтобы увидеть имя)</translation>
    </message>
    <message>
        <source>{name} — {size} KB</source>
        <translation>{name} — {size} КБ</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Прикрепить файлы</translation>
    </message>
    <message>
        <source>Storing {count} file(s)…</source>
        <translation>Сохранение файлов ({count})…</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Открытие…</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Сохранить копию</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Сохранение…</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change the passphrase of {name}</source>
        <translation>Изменить парольную фразу: {name}</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>Текущая парольная фраза</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Новая парольная фраза</translation>
    </message>
    <message>
        <source>New passphrase again</source>
        <translation>Новая парольная фраза ещё раз</translation>
    </message>
    <message>
        <source>The new passphrase needs at least 8 characters.</source>
        <translation>Новая парольная фраза должна содержать не менее 8 символов.</translation>
    </message>
    <message>
        <source>The two new passphrases differ; type them again.</source>
        <translation>Новые парольные фразы не совпадают; введите их ещё раз.</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Records in conflict</source>
        <translation>Записи в конфликте</translation>
    </message>
    <message>
        <source>These records were changed on two devices at once, in the same field. Both values are kept until you choose one; the other devices learn your choice at the next sync.</source>
        <translation>Эти записи изменены на двух устройствах одновременно, в одном и том же поле. Оба значения сохраняются, пока вы не выберете одно; другие устройства узнают о вашем выборе при следующей синхронизации.</translation>
    </message>
    <message>
        <source>No records in conflict.</source>
        <translation>Записей в конфликте нет.</translation>
    </message>
    <message>
        <source>{title}: {field}</source>
        <translation>{title}: {field}</translation>
    </message>
    <message>
        <source>Sealed: unlock a profile that may read this record to see its values and choose.</source>
        <translation>Запечатано: разблокируйте профиль, которому разрешено читать эту запись, чтобы увидеть значения и выбрать.</translation>
    </message>
    <message>
        <source>This device</source>
        <translation>Это устройство</translation>
    </message>
    <message>
        <source>Device {id}</source>
        <translation>Устройство {id}</translation>
    </message>
    <message>
        <source>Keep this value</source>
        <translation>Оставить это значение</translation>
    </message>
    <message>
        <source>Keep the value from {who} for {field} of {title}</source>
        <translation>Оставить значение от «{who}» для поля «{field}» записи «{title}»</translation>
    </message>
    <message>
        <source>deleted on one device, edited on another</source>
        <translation>удалена на одном устройстве, изменена на другом</translation>
    </message>
    <message>
        <source>Delete the record</source>
        <translation>Удалить запись</translation>
    </message>
    <message>
        <source>Keep the record</source>
        <translation>Сохранить запись</translation>
    </message>
    <message>
        <source>Kept. The other devices learn your choice at the next sync.</source>
        <translation>Сохранено. Другие устройства узнают о вашем выборе при следующей синхронизации.</translation>
    </message>
</context>
<context>
    <name>ConsentPanel</name>
    <message>
        <source>Given</source>
        <translation>Дано</translation>
    </message>
    <message>
        <source>Granted by</source>
        <translation>Кем дано</translation>
    </message>
    <message>
        <source>Allows</source>
        <translation>Разрешает</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Истекает</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Отозвано</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Согласия</translation>
    </message>
    <message>
        <source>Record consent…</source>
        <translation>Записать согласие…</translation>
    </message>
    <message>
        <source>Withdraw consent…</source>
        <translation>Отозвать согласие…</translation>
    </message>
    <message>
        <source>Select a record to see its consent.</source>
        <translation>Выберите запись, чтобы увидеть её согласие.</translation>
    </message>
    <message>
        <source>(sealed)</source>
        <translation>(запечатано)</translation>
    </message>
    <message>
        <source>For the community</source>
        <translation>От имени общины</translation>
    </message>
    <message>
        <source>Community process</source>
        <translation>Процедура общины</translation>
    </message>
    <message>
        <source>Witnesses</source>
        <translation>Свидетели</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Получатель</translation>
    </message>
    <message>
        <source>Prior information</source>
        <translation>Предварительная информация</translation>
    </message>
    <message>
        <source>Informed in (language)</source>
        <translation>Язык информирования</translation>
    </message>
    <message>
        <source>Informed how</source>
        <translation>Как информировали</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Форма</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Условия</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Подтверждение</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Записано</translation>
    </message>
    <message>
        <source>Withdrawn by</source>
        <translation>Кем отозвано</translation>
    </message>
    <message>
        <source>Reason for withdrawal</source>
        <translation>Причина отзыва</translation>
    </message>
    <message>
        <source>Recording and withdrawing consent needs an unlocked custodian profile.</source>
        <translation>Для записи и отзыва согласия нужен разблокированный профиль хранителя.</translation>
    </message>
</context>
<context>
    <name>CreatorsPage</name>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Creators and knowledge holders</source>
        <translation>Авторы и носители знаний</translation>
    </message>
    <message>
        <source>Add creator</source>
        <translation>Добавить автора</translation>
    </message>
    <message>
        <source>Remove creator</source>
        <translation>Удалить автора</translation>
    </message>
</context>
<context>
    <name>CustodianView</name>
    <message>
        <source>Custodian&apos;s view</source>
        <translation>Режим хранителя</translation>
    </message>
    <message>
        <source>Protocols and members</source>
        <translation>Протоколы и члены</translation>
    </message>
    <message>
        <source>Communities</source>
        <translation>Общины</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Профили</translation>
    </message>
    <message>
        <source>Local Contexts</source>
        <translation>Local Contexts</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Журнал аудита</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Протокол</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Община</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Записи</translation>
    </message>
    <message>
        <source>Key version</source>
        <translation>Версия ключа</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Члены</translation>
    </message>
    <message>
        <source>Add protocol…</source>
        <translation>Добавить протокол…</translation>
    </message>
    <message>
        <source>Add member…</source>
        <translation>Добавить члена…</translation>
    </message>
    <message>
        <source>Remove member…</source>
        <translation>Исключить члена…</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <source>Add community…</source>
        <translation>Добавить общину…</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Профиль</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Роли</translation>
    </message>
    <message>
        <source>Protocols</source>
        <translation>Протоколы</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Создано</translation>
    </message>
    <message>
        <source>Add profile…</source>
        <translation>Добавить профиль…</translation>
    </message>
    <message>
        <source>Change my passphrase…</source>
        <translation>Изменить мою парольную фразу…</translation>
    </message>
    <message>
        <source>Hub project</source>
        <translation>Проект Hub</translation>
    </message>
    <message>
        <source>Project id</source>
        <translation>Идентификатор проекта</translation>
    </message>
    <message>
        <source>Labels and notices</source>
        <translation>Метки и уведомления</translation>
    </message>
    <message>
        <source>Cached</source>
        <translation>В кэше</translation>
    </message>
    <message>
        <source>Import Hub project from file…</source>
        <translation>Импортировать проект Hub из файла…</translation>
    </message>
    <message>
        <source>A Local Contexts Hub project (API v2 JSON) brings the community&apos;s own wording and language for its labels; it is kept here for offline use.</source>
        <translation>Проект Local Contexts Hub (JSON API v2) содержит формулировки меток на языке и в словах самой общины; он хранится здесь для работы без сети.</translation>
    </message>
    <message>
        <source>#</source>
        <translation>№</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Объект</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation>Проверить цепочку</translation>
    </message>
    <message>
        <source>strict</source>
        <translation>строгий</translation>
    </message>
    <message>
        <source>open</source>
        <translation>открытый</translation>
    </message>
    <message>
        <source>{name} (untrusted)</source>
        <translation>{name} (не заслуживает доверия)</translation>
    </message>
    <message>
        <source>Members of {protocol}</source>
        <translation>Члены протокола {protocol}</translation>
    </message>
    <message>
        <source>Add a community</source>
        <translation>Добавить общину</translation>
    </message>
    <message>
        <source>Name of the community:</source>
        <translation>Название общины:</translation>
    </message>
    <message>
        <source>Its country (two-letter code, e.g. pe), or leave empty:</source>
        <translation>Её страна (двухбуквенный код, напр. pe) или оставьте пустым:</translation>
    </message>
    <message>
        <source>Community {name} added.</source>
        <translation>Община {name} добавлена.</translation>
    </message>
    <message>
        <source>Protocol {name} added.</source>
        <translation>Протокол {name} добавлен.</translation>
    </message>
    <message>
        <source>Add member</source>
        <translation>Добавить члена</translation>
    </message>
    <message>
        <source>Every profile is already a member of {protocol}.</source>
        <translation>Все профили уже состоят в протоколе {protocol}.</translation>
    </message>
    <message>
        <source>Give the key of {protocol} to:</source>
        <translation>Передать ключ протокола {protocol}:</translation>
    </message>
    <message>
        <source>{profile} is now a member of {protocol}.</source>
        <translation>{profile} теперь состоит в протоколе {protocol}.</translation>
    </message>
    <message>
        <source>Remove member</source>
        <translation>Исключить члена</translation>
    </message>
    <message>
        <source>Remove {profile} from {protocol}?

The protocol gets a new key and its {count} record(s) are re-sealed with it, so the key {profile} held opens nothing written from now on. This can take a while.</source>
        <translation>Исключить {profile} из протокола {protocol}?

Протокол получит новый ключ, и его записи (всего: {count}) будут заново запечатаны им, так что ключ, который был у {profile}, не откроет ничего, записанного с этого момента. Это может занять некоторое время.</translation>
    </message>
    <message>
        <source>What {profile} already synced or copied stays readable to them: removal stops new keys, it cannot take back what they hold.</source>
        <translation>То, что {profile} уже синхронизировал или скопировал, остаётся ему доступным: исключение прекращает выдачу новых ключей, но не может забрать то, что у него уже есть.</translation>
    </message>
    <message>
        <source>{profile} removed from {protocol}; the key was rotated and {count} record(s) re-sealed.</source>
        <translation>{profile} исключён из протокола {protocol}; ключ заменён, перезапечатано записей: {count}.</translation>
    </message>
    <message>
        <source>Hub project {title} imported.</source>
        <translation>Проект Hub {title} импортирован.</translation>
    </message>
    <message>
        <source>Rotating the key of {protocol}…</source>
        <translation>Замена ключа протокола {protocol}…</translation>
    </message>
    <message>
        <source>Profile {name} added.</source>
        <translation>Профиль {name} добавлен.</translation>
    </message>
    <message>
        <source>Creating {name}…</source>
        <translation>Создание: {name}…</translation>
    </message>
    <message>
        <source>Import a Local Contexts Hub project</source>
        <translation>Импорт проекта Local Contexts Hub</translation>
    </message>
    <message>
        <source>Hub project (*.json);;All files (*)</source>
        <translation>Проект Hub (*.json);;Все файлы (*)</translation>
    </message>
    <message>
        <source>The audit log is intact: {count} events, none changed or removed.</source>
        <translation>Журнал аудита не нарушен: событий — {count}, ни одно не изменено и не удалено.</translation>
    </message>
    <message>
        <source>The audit log was tampered with at event {seq}: {problem}</source>
        <translation>Журнал аудита был изменён на событии {seq}: {problem}</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Dashboard — kmdesk</source>
        <translation>Панель — kmdesk</translation>
    </message>
    <message>
        <source>GBF goals</source>
        <translation>Цели ГРП</translation>
    </message>
    <message>
        <source>GBF targets</source>
        <translation>Целевые задачи ГРП</translation>
    </message>
    <message>
        <source>Types</source>
        <translation>Типы</translation>
    </message>
    <message>
        <source>Communities</source>
        <translation>Общины</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Языки</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>Страны</translation>
    </message>
    <message>
        <source>Records by year</source>
        <translation>Записи по годам</translation>
    </message>
    <message>
        <source>Sharing with the CHM</source>
        <translation>Передача в Механизм посредничества</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Согласие</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>Переданы</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Ожидают отправки</translation>
    </message>
    <message>
        <source>Refused by the CHM</source>
        <translation>Отклонены Механизмом посредничества</translation>
    </message>
    <message>
        <source>Withdrawn from the CHM</source>
        <translation>Отозваны из Механизма посредничества</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Действует</translation>
    </message>
    <message>
        <source>Expiring within {days} days</source>
        <translation>Истекает в течение {days} дней</translation>
    </message>
    <message>
        <source>{records} records counted (sacred records never are) · {covered} of {targets} GBF targets covered</source>
        <translation>Учтено записей: {records} (священные не учитываются никогда) · охвачено целевых задач: {covered} из {targets}</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Истекло</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Подсчёт…</translation>
    </message>
    <message>
        <source>The dashboard could not be computed: {reason}</source>
        <translation>Не удалось рассчитать панель: {reason}</translation>
    </message>
    <message>
        <source>Refused: {reason} ({count})</source>
        <translation>Отклонено: {reason} ({count})</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>причина не указана</translation>
    </message>
    <message>
        <source>Not counted: {count} records failed their integrity check ({ids})</source>
        <translation>Не учтены: {count} записей не прошли проверку целостности ({ids})</translation>
    </message>
    <message>
        <source>Goal {code} · {title}</source>
        <translation>Цель {code} · {title}</translation>
    </message>
    <message>
        <source>{number} · {title}</source>
        <translation>{number} · {title}</translation>
    </message>
    <message>
        <source>Target {number}: {title}</source>
        <translation>Целевая задача {number}: {title}</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Отозвано</translation>
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
        <translation>(нет)</translation>
    </message>
    <message>
        <source>separated by commas</source>
        <translation>через запятую</translation>
    </message>
    <message>
        <source>YYYY, YYYY-MM or YYYY-MM-DD</source>
        <translation>ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <source>https://…</source>
        <translation>https://…</translation>
    </message>
    <message>
        <source>language tags, e.g. quz, es</source>
        <translation>языковые теги, напр. quz, es</translation>
    </message>
    <message>
        <source>two-letter codes, e.g. pe, bo</source>
        <translation>двухбуквенные коды, напр. pe, bo</translation>
    </message>
    <message>
        <source>separated by commas; coordinates after @, e.g. Cusco @ -13.53 -71.97</source>
        <translation>через запятую; координаты после @, например Cusco @ -13.53 -71.97</translation>
    </message>
    <message>
        <source>A place may carry its latitude and longitude in decimal degrees after an @ (south and west negative): it then appears as a dot on the map.</source>
        <translation>Место может содержать широту и долготу в десятичных градусах после @ (юг и запад — со знаком минус): тогда оно показано точкой на карте.</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Kind of resource</source>
        <translation>Вид ресурса</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>Ключевые слова</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Община</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Лицензия</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Ссылка</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Языки</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>Страны</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Места</translation>
    </message>
</context>
<context>
    <name>DirectoryView</name>
    <message>
        <source>Practitioner directory</source>
        <translation>Справочник специалистов</translation>
    </message>
    <message>
        <source>Any expertise</source>
        <translation>Любая специализация</translation>
    </message>
    <message>
        <source>Target {number} · {title}</source>
        <translation>Целевая задача {number} · {title}</translation>
    </message>
    <message>
        <source>e.g. es, quz</source>
        <translation>напр. es, quz</translation>
    </message>
    <message>
        <source>e.g. pe, bo</source>
        <translation>напр. pe, bo</translation>
    </message>
    <message>
        <source>Expertise</source>
        <translation>Специализация</translation>
    </message>
    <message>
        <source>Speaks</source>
        <translation>Говорит на</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Языки</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>Страны</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Контакты</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Найти</translation>
    </message>
    <message>
        <source>Export vCards…</source>
        <translation>Экспорт vCard…</translation>
    </message>
    <message>
        <source>Looking…</source>
        <translation>Поиск…</translation>
    </message>
    <message>
        <source>not listed (no consent to show contacts)</source>
        <translation>не включён (нет согласия на показ контактов)</translation>
    </message>
    <message>
        <source>{contacts} (listed with the consent of {who}, {day})</source>
        <translation>{contacts} (в справочнике с согласия: {who}, {day})</translation>
    </message>
    <message>
        <source>{contacts} (listed with consent)</source>
        <translation>{contacts} (в справочнике с согласия)</translation>
    </message>
    <message>
        <source>{title} (from the CHM)</source>
        <translation>{title} (из Механизма посредничества)</translation>
    </message>
    <message>
        <source>{count} people and organizations, {listed} listed with their consent.</source>
        <translation>Людей и организаций: {count}, с их согласием включено: {listed}.</translation>
    </message>
    <message>
        <source>Export vCards</source>
        <translation>Экспорт vCard</translation>
    </message>
    <message>
        <source>vCard files (*.vcf)</source>
        <translation>Файлы vCard (*.vcf)</translation>
    </message>
    <message>
        <source>{written} vCards written; {left} not listed or not public, left out.</source>
        <translation>Записано vCard: {written}; пропущено (не включены или не публичны): {left}.</translation>
    </message>
</context>
<context>
    <name>FacetPanel</name>
    <message>
        <source>Filters</source>
        <translation>Фильтры</translation>
    </message>
    <message>
        <source>Values of the records found, with how many have each; tick one (Space) to list only those records.</source>
        <translation>Значения найденных записей и сколько записей имеет каждое; отметьте значение (пробел), чтобы показать только эти записи.</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Сбросить фильтры</translation>
    </message>
    <message>
        <source>Deleted records: open the trash to restore them or forget them for good.</source>
        <translation>Удалённые записи: откройте корзину, чтобы восстановить их или забыть навсегда.</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Корзина</translation>
    </message>
    <message>
        <source>Trash ({count})</source>
        <translation>Корзина ({count})</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Kind of resource</source>
        <translation>Вид ресурса</translation>
    </message>
    <message>
        <source>GBF targets</source>
        <translation>Целевые задачи ГРП</translation>
    </message>
    <message>
        <source>GBF goals</source>
        <translation>Цели ГРП</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Община</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Языки</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>Страны</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Доступ</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Согласие</translation>
    </message>
    <message>
        <source>Integrity</source>
        <translation>Целостность</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>Коллекция</translation>
    </message>
    <message>
        <source>{number} · {title}</source>
        <translation>{number} · {title}</translation>
    </message>
    <message>
        <source>Goal {code} · {title}</source>
        <translation>Цель {code} · {title}</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Повреждено</translation>
    </message>
    <message>
        <source>From the CHM</source>
        <translation>Из Механизма посредничества</translation>
    </message>
    <message>
        <source>This library</source>
        <translation>Эта библиотека</translation>
    </message>
    <message>
        <source>No consent recorded</source>
        <translation>Согласие не записано</translation>
    </message>
    <message>
        <source>Not needed</source>
        <translation>Не требуется</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Действует</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Истекло</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Отозвано</translation>
    </message>
</context>
<context>
    <name>FilesController</name>
    <message>
        <source>Import</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <source>Records (*.csv *.tsv *.xlsx *.ris *.bib *.json *.kmd);;Spreadsheets (*.csv *.tsv *.xlsx);;References (*.ris *.bib);;CHM documents or kmdesk library (*.json);;kmdesk archive (*.kmd);;All files (*)</source>
        <translation>Записи (*.csv *.tsv *.xlsx *.ris *.bib *.json *.kmd);;Таблицы (*.csv *.tsv *.xlsx);;Ссылки (*.ris *.bib);;Документы механизма посредничества или библиотека kmdesk (*.json);;Архив kmdesk (*.kmd);;Все файлы (*)</translation>
    </message>
    <message>
        <source>An import is running: start the next one when it is done (or cancel it in the status bar).</source>
        <translation>Идёт импорт: начните следующий, когда он закончится (или отмените его в строке состояния).</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Импорт завершён</translation>
    </message>
    <message>
        <source>Imported: {imported}
Already in the library (skipped): {skipped}
Not imported because of errors: {errors}</source>
        <translation>Импортировано: {imported}
Уже в библиотеке (пропущено): {skipped}
Не импортировано из-за ошибок: {errors}</translation>
    </message>
    <message>
        <source>kmdesk library (*.json)</source>
        <translation>Библиотека kmdesk (*.json)</translation>
    </message>
    <message>
        <source>kmdesk archive with files (*.kmd)</source>
        <translation>Архив kmdesk с файлами (*.kmd)</translation>
    </message>
    <message>
        <source>CSV spreadsheet (*.csv)</source>
        <translation>Таблица CSV (*.csv)</translation>
    </message>
    <message>
        <source>RIS references (*.ris)</source>
        <translation>Ссылки RIS (*.ris)</translation>
    </message>
    <message>
        <source>BibTeX (*.bib)</source>
        <translation>BibTeX (*.bib)</translation>
    </message>
    <message>
        <source>CHM resource documents (*.json)</source>
        <translation>Документы ресурсов механизма посредничества (*.json)</translation>
    </message>
    <message>
        <source>Dublin Core XML (*.xml)</source>
        <translation>Dublin Core XML (*.xml)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>Экспорт завершён</translation>
    </message>
    <message>
        <source>{count} public records written to {path}.
Records that are not public stay in this library.</source>
        <translation>Общедоступных записей записано в {path}: {count}.
Записи, не являющиеся общедоступными, остаются в этой библиотеке.</translation>
    </message>
    <message>
        <source>Exporting to {name}…</source>
        <translation>Экспорт в {name}…</translation>
    </message>
</context>
<context>
    <name>FirstCustodianDialog</name>
    <message>
        <source>Protect this library</source>
        <translation>Защитить эту библиотеку</translation>
    </message>
    <message>
        <source>The first profile is the library&apos;s custodian: the person who decides, with the community, who may read what. Restricted knowledge is encrypted with keys that only the passphrase opens, so keep it safe: nobody can recover a forgotten passphrase.</source>
        <translation>Первый профиль — хранитель библиотеки: человек, который вместе с общиной решает, кто что может читать. Знания ограниченного доступа шифруются ключами, которые открывает только парольная фраза, поэтому берегите её: забытую парольную фразу восстановить невозможно.</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ваше имя</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Парольная фраза</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Парольная фраза ещё раз</translation>
    </message>
    <message>
        <source>Create custodian</source>
        <translation>Создать хранителя</translation>
    </message>
    <message>
        <source>Give the custodian a name.</source>
        <translation>Дайте хранителю имя.</translation>
    </message>
    <message>
        <source>The passphrase needs at least 8 characters.</source>
        <translation>Парольная фраза должна содержать не менее 8 символов.</translation>
    </message>
    <message>
        <source>The two passphrases differ; type them again.</source>
        <translation>Парольные фразы не совпадают; введите их ещё раз.</translation>
    </message>
</context>
<context>
    <name>GbfPage</name>
    <message>
        <source>Goals</source>
        <translation>Цели</translation>
    </message>
    <message>
        <source>Goal {code}: {title}</source>
        <translation>Цель {code}: {title}</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Целевые задачи</translation>
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
        <translation>Когда</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Что изменилось</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Создано</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Изменено</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Удалено</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Импортировано</translation>
    </message>
    <message>
        <source>Restored from the trash</source>
        <translation>Восстановлена из корзины</translation>
    </message>
    <message>
        <source>Withheld: only those the record&apos;s access admits may read this value.</source>
        <translation>Скрыто: это значение могут читать только те, кого допускает доступ к записи.</translation>
    </message>
    <message>
        <source>(withheld)</source>
        <translation>(скрыто)</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Краткое описание</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Kind of resource</source>
        <translation>Вид ресурса</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>Ключевые слова</translation>
    </message>
    <message>
        <source>GBF goals</source>
        <translation>Цели ГРП</translation>
    </message>
    <message>
        <source>GBF targets</source>
        <translation>Целевые задачи ГРП</translation>
    </message>
    <message>
        <source>CBD subjects</source>
        <translation>Темы КБР</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>Страны</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Места</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Языки</translation>
    </message>
    <message>
        <source>Creators</source>
        <translation>Авторы</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Метки</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Община</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Лицензия</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Ссылка</translation>
    </message>
    <message>
        <source>Identifiers</source>
        <translation>Идентификаторы</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Доступ</translation>
    </message>
</context>
<context>
    <name>HubController</name>
    <message>
        <source>&amp;Sync with the hub now</source>
        <translation>&amp;Синхронизировать с хабом сейчас</translation>
    </message>
    <message>
        <source>Send this library&apos;s changes to the hub and receive the other devices&apos; (Ctrl+Shift+S)</source>
        <translation>Отправить изменения этой библиотеки на хаб и получить изменения других устройств (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Records in &amp;conflict…</source>
        <translation>Записи в &amp;конфликте…</translation>
    </message>
    <message>
        <source>&amp;Refused changes…</source>
        <translation>&amp;Отклонённые изменения…</translation>
    </message>
    <message>
        <source>Sync &amp;automatically every…</source>
        <translation>Синхронизировать &amp;автоматически каждые…</translation>
    </message>
    <message>
        <source>H&amp;ub</source>
        <translation>Х&amp;аб</translation>
    </message>
    <message>
        <source>Sync automatically</source>
        <translation>Автоматическая синхронизация</translation>
    </message>
    <message>
        <source>Sync with the hub every this many minutes while a profile is unlocked (0: only when asked):</source>
        <translation>Синхронизировать с хабом каждые столько минут, пока профиль разблокирован (0 — только по запросу):</translation>
    </message>
    <message>
        <source>A sync with the hub is already running.</source>
        <translation>Синхронизация с хабом уже идёт.</translation>
    </message>
    <message>
        <source>Unlock a profile to sync with the hub: its key signs this device&apos;s changes.</source>
        <translation>Разблокируйте профиль, чтобы синхронизироваться с хабом: его ключ подписывает изменения этого устройства.</translation>
    </message>
    <message>
        <source>Sync stopped: what was sent or received stays; the next sync goes on from there.</source>
        <translation>Синхронизация остановлена: отправленное и полученное сохраняется; следующая синхронизация продолжит с этого места.</translation>
    </message>
    <message>
        <source>Hub unreachable</source>
        <translation>Хаб недоступен</translation>
    </message>
    <message>
        <source>The hub cannot be reached, so nothing was synced. You can keep working: nothing was lost, and this library&apos;s changes wait here until the next sync.</source>
        <translation>Хаб недоступен, поэтому ничего не синхронизировано. Можно продолжать работу: ничего не потеряно, изменения этой библиотеки ждут здесь до следующей синхронизации.</translation>
    </message>
    <message>
        <source>Sync with the hub</source>
        <translation>Синхронизация с хабом</translation>
    </message>
    <message>
        <source>Changes sent: {sent}. Changes received from other devices: {received}.</source>
        <translation>Отправлено изменений: {sent}. Получено изменений от других устройств: {received}.</translation>
    </message>
    <message>
        <source>Records now in conflict, waiting for you to choose (Hub › Records in conflict…):</source>
        <translation>Записи, оказавшиеся в конфликте и ждущие вашего выбора (Хаб › Записи в конфликте…):</translation>
    </message>
    <message>
        <source>Changes refused and quarantined (not applied here):</source>
        <translation>Отклонённые изменения на карантине (здесь не применены):</translation>
    </message>
    <message>
        <source>Not sent:</source>
        <translation>Не отправлено:</translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation>Предупреждения:</translation>
    </message>
    <message>
        <source>Records to take down from {target}, where their consent or access no longer lets them stay (sent at the next sync with it, in the Sync panel): {count}.</source>
        <translation>Записи, которые нужно снять с {target}, потому что согласие или доступ больше не позволяют им там оставаться (отправляется при следующей синхронизации с ним, на панели синхронизации): {count}.</translation>
    </message>
    <message>
        <source>Synced with the hub</source>
        <translation>Синхронизировано с хабом</translation>
    </message>
    <message>
        <source>Synced with the hub. {outcome}</source>
        <translation>Синхронизировано с хабом. {outcome}</translation>
    </message>
    <message>
        <source>Removed from a protocol</source>
        <translation>Исключение из протокола</translation>
    </message>
    <message>
        <source>A custodian removed {name} from {protocols}.

You receive no new keys for it: what is written or changed in it from now on does not open for you.

What you already synced is not taken from you: copies you kept of it (exports, backups) stay readable to you. In this library it is now sealed under the protocol&apos;s new key.</source>
        <translation>Хранитель исключил {name} из {protocols}.

Вы не получаете для него новых ключей: то, что в нём пишется или меняется с этого момента, для вас не открывается.

Уже синхронизированное у вас не отнимается: сохранённые вами копии (экспорт, резервные копии) остаются доступными для чтения. В этой библиотеке оно теперь запечатано новым ключом протокола.</translation>
    </message>
    <message>
        <source>Hub change {seq}: {kind} {key} from device {device}: {reason}</source>
        <translation>Изменение хаба {seq}: {kind} {key} с устройства {device}: {reason}</translation>
    </message>
    <message>
        <source>Refused changes</source>
        <translation>Отклонённые изменения</translation>
    </message>
    <message>
        <source>No change from the hub was refused.</source>
        <translation>Ни одно изменение с хаба не отклонено.</translation>
    </message>
</context>
<context>
    <name>HubProgress</name>
    <message>
        <source>Syncing with the hub…</source>
        <translation>Синхронизация с хабом…</translation>
    </message>
    <message>
        <source>Stop the sync: what was sent or received stays; the next sync goes on from there.</source>
        <translation>Остановить синхронизацию: отправленное и полученное сохраняется; следующая синхронизация продолжит с этого места.</translation>
    </message>
    <message>
        <source>Stop the sync with the hub</source>
        <translation>Остановить синхронизацию с хабом</translation>
    </message>
    <message>
        <source>{done} of {total} changes received</source>
        <translation>Получено изменений: {done} из {total}</translation>
    </message>
</context>
<context>
    <name>HubStatusButton</name>
    <message>
        <source>Hub: synced</source>
        <translation>Хаб: синхронизировано</translation>
    </message>
    <message>
        <source>Hub: syncing…</source>
        <translation>Хаб: синхронизация…</translation>
    </message>
    <message>
        <source>Hub: offline</source>
        <translation>Хаб: нет связи</translation>
    </message>
    <message>
        <source>Hub: sync failed</source>
        <translation>Хаб: сбой синхронизации</translation>
    </message>
    <message>
        <source>Hub: {count} waiting for you</source>
        <translation>Хаб: ждут вас — {count}</translation>
    </message>
    <message>
        <source>Hub: {url}</source>
        <translation>Хаб: {url}</translation>
    </message>
    <message>
        <source>Last sync: {when} ({ago})</source>
        <translation>Последняя синхронизация: {when} ({ago})</translation>
    </message>
    <message>
        <source>Last sync: never</source>
        <translation>Последняя синхронизация: не было</translation>
    </message>
    <message>
        <source>Reachable; this library is up to date with it.</source>
        <translation>Доступен; эта библиотека с ним синхронна.</translation>
    </message>
    <message>
        <source>Sending this library&apos;s changes and receiving the others&apos;…</source>
        <translation>Отправка изменений этой библиотеки и получение чужих…</translation>
    </message>
    <message>
        <source>The hub cannot be reached. You can keep working: changes wait here and go at the next sync.</source>
        <translation>Хаб недоступен. Можно продолжать работу: изменения ждут здесь и уйдут при следующей синхронизации.</translation>
    </message>
    <message>
        <source>The last sync failed: {error}</source>
        <translation>Последняя синхронизация не удалась: {error}</translation>
    </message>
    <message>
        <source>Reachable; something waits for a person to look at it.</source>
        <translation>Доступен; кое-что ждёт, чтобы на это посмотрел человек.</translation>
    </message>
    <message>
        <source>Changes waiting here to be sent: {count}</source>
        <translation>Изменений ждут отправки: {count}</translation>
    </message>
    <message>
        <source>Records in conflict, waiting for you to choose: {count}</source>
        <translation>Записей в конфликте, ждущих вашего выбора: {count}</translation>
    </message>
    <message>
        <source>Changes from the hub refused and quarantined: {count}</source>
        <translation>Отклонённых изменений с хаба на карантине: {count}</translation>
    </message>
    <message>
        <source>Click to sync now.</source>
        <translation>Нажмите, чтобы синхронизировать сейчас.</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>только что</translation>
    </message>
    <message>
        <source>{count} min ago</source>
        <translation>{count} мин назад</translation>
    </message>
    <message>
        <source>{count} h ago</source>
        <translation>{count} ч назад</translation>
    </message>
    <message>
        <source>{count} d ago</source>
        <translation>{count} дн. назад</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import {name}</source>
        <translation>Импорт {name}</translation>
    </message>
    <message>
        <source>Skip it</source>
        <translation>Пропустить</translation>
    </message>
    <message>
        <source>Merge it into the existing record</source>
        <translation>Объединить с существующей записью</translation>
    </message>
    <message>
        <source>Keep both</source>
        <translation>Сохранить обе</translation>
    </message>
    <message>
        <source>Language of text columns that do not name one (BCP 47, e.g. en, es, fr)</source>
        <translation>Язык текстовых столбцов, где он не указан (BCP 47, напр. en, es, fr)</translation>
    </message>
    <message>
        <source>The passphrase the custodian sealed the archive&apos;s restricted records with</source>
        <translation>Парольная фраза, которой хранитель запечатал записи ограниченного доступа в архиве</translation>
    </message>
    <message>
        <source>When a row duplicates a record:</source>
        <translation>Если строка повторяет запись:</translation>
    </message>
    <message>
        <source>Language of the text:</source>
        <translation>Язык текста:</translation>
    </message>
    <message>
        <source>Archive passphrase (sealed records):</source>
        <translation>Парольная фраза архива (запечатанные записи):</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Строка</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>Чтение {name}…</translation>
    </message>
    <message>
        <source>Becomes</source>
        <translation>Становится</translation>
    </message>
    <message>
        <source>{format} file: the first {count} rows as they would be imported ({errors} with problems). Choose the field each column goes to.</source>
        <translation>Файл {format}: первые строки ({count}) в том виде, в каком они будут импортированы (с ошибками: {errors}). Выберите поле для каждого столбца.</translation>
    </message>
    <message>
        <source>(ignore this column)</source>
        <translation>(пропустить этот столбец)</translation>
    </message>
    <message>
        <source>Identifier (UUID)</source>
        <translation>Идентификатор (UUID)</translation>
    </message>
    <message>
        <source>Record type</source>
        <translation>Тип записи</translation>
    </message>
    <message>
        <source>Resource kind</source>
        <translation>Вид ресурса</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Краткое описание</translation>
    </message>
    <message>
        <source>Full text</source>
        <translation>Полный текст</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Община</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Год</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Лицензия</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Ссылка</translation>
    </message>
    <message>
        <source>Access level</source>
        <translation>Уровень доступа</translation>
    </message>
    <message>
        <source>Cultural protocols</source>
        <translation>Культурные протоколы</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>Ключевые слова</translation>
    </message>
    <message>
        <source>CBD subjects</source>
        <translation>Темы КБР</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>Страны</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Места</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Языки</translation>
    </message>
    <message>
        <source>Local Contexts labels</source>
        <translation>Метки Local Contexts</translation>
    </message>
    <message>
        <source>GBF goals</source>
        <translation>Цели ГРП</translation>
    </message>
    <message>
        <source>GBF targets</source>
        <translation>Целевые задачи ГРП</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Люди</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Идентификатор</translation>
    </message>
    <message>
        <source>{field} ({detail})</source>
        <translation>{field} ({detail})</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>импортировано</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>объединено</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>пропущено</translation>
    </message>
    <message>
        <source>not imported</source>
        <translation>не импортировано</translation>
    </message>
    <message>
        <source>Imported: {imported} · merged: {merged} · skipped: {skipped} · not imported: {errors}</source>
        <translation>Импортировано: {imported} · объединено: {merged} · пропущено: {skipped} · не импортировано: {errors}</translation>
    </message>
</context>
<context>
    <name>ImportProgress</name>
    <message>
        <source>Stop the import; nothing of it is kept.</source>
        <translation>Остановить импорт; ничего из него не сохранится.</translation>
    </message>
    <message>
        <source>You can search and read meanwhile; changes you save wait until the import is done.</source>
        <translation>Тем временем можно искать и читать; сохраняемые изменения подождут окончания импорта.</translation>
    </message>
    <message>
        <source>Importing {name}…</source>
        <translation>Импорт {name}…</translation>
    </message>
    <message>
        <source>{done} of {total} records imported</source>
        <translation>импортировано записей: {done} из {total}</translation>
    </message>
</context>
<context>
    <name>IndexCatchUp</name>
    <message>
        <source>Indexing the library for search…</source>
        <translation>Индексация библиотеки для поиска…</translation>
    </message>
    <message>
        <source>Stop indexing; it resumes the next time this library opens.</source>
        <translation>Остановить индексацию; она продолжится при следующем открытии этой библиотеки.</translation>
    </message>
    <message>
        <source>{done} of {total} records indexed</source>
        <translation>Проиндексировано записей: {done} из {total}</translation>
    </message>
</context>
<context>
    <name>IndexController</name>
    <message>
        <source>Indexing stopped: records not indexed yet are not found by a search. Indexing resumes the next time this library opens.</source>
        <translation>Индексация остановлена: поиск не находит ещё не проиндексированные записи. Индексация продолжится при следующем открытии этой библиотеки.</translation>
    </message>
    <message>
        <source>Search index rebuilt ({count} records).</source>
        <translation>Поисковый индекс перестроен (записей: {count}).</translation>
    </message>
    <message>
        <source>Rebuilding the search index…</source>
        <translation>Перестройка поискового индекса…</translation>
    </message>
    <message>
        <source>Search index</source>
        <translation>Поисковый индекс</translation>
    </message>
    <message>
        <source>The search index matches the library.</source>
        <translation>Поисковый индекс соответствует библиотеке.</translation>
    </message>
    <message>
        <source>The search index does not match the library.
Missing: {missing}
Out of date: {stale}
No longer in the library: {orphans}

Use File › Rebuild search index… to repair it.</source>
        <translation>Поисковый индекс не соответствует библиотеке.
Отсутствует: {missing}
Устарело: {stale}
Больше нет в библиотеке: {orphans}

Чтобы исправить, выберите Файл › Перестроить поисковый индекс…</translation>
    </message>
    <message>
        <source>Checking the search index…</source>
        <translation>Проверка поискового индекса…</translation>
    </message>
</context>
<context>
    <name>InsightsController</name>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;Панель</translation>
    </message>
    <message>
        <source>&amp;Map</source>
        <translation>&amp;Карта</translation>
    </message>
    <message>
        <source>&amp;Report…</source>
        <translation>&amp;Отчёт…</translation>
    </message>
    <message>
        <source>Showing {what} · &lt;a href=&quot;all&quot;&gt;show all records&lt;/a&gt;</source>
        <translation>Показано: {what} · &lt;a href=&quot;all&quot;&gt;показать все записи&lt;/a&gt;</translation>
    </message>
</context>
<context>
    <name>IntegrityStatus</name>
    <message>
        <source>rows that failed their integrity check (changed outside kmdesk): {count}</source>
        <translation>строк, не прошедших проверку целостности (изменены вне kmdesk): {count}</translation>
    </message>
    <message>
        <source>the library is older than when it was last opened here</source>
        <translation>библиотека старше, чем при последнем открытии здесь</translation>
    </message>
    <message>
        <source>its rows are not signed yet</source>
        <translation>её строки ещё не подписаны</translation>
    </message>
    <message>
        <source>Integrity warning: {parts}</source>
        <translation>Предупреждение о целостности: {parts}</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>Подробности…</translation>
    </message>
    <message>
        <source>Integrity problems: details</source>
        <translation>Проблемы целостности: подробности</translation>
    </message>
    <message>
        <source>Went back: {what}</source>
        <translation>Откат: {what}</translation>
    </message>
    <message>
        <source>Rows not signed yet: until a custodian unlocks the library, they are untrusted.</source>
        <translation>Строки ещё не подписаны: пока хранитель не разблокирует библиотеку, им нельзя доверять.</translation>
    </message>
    <message>
        <source>Integrity problems</source>
        <translation>Проблемы целостности</translation>
    </message>
    <message>
        <source>kmdesk found rows it cannot trust. They are never used: a record that fails is quarantined, a consent that fails does not count, nothing that fails is shared. Restore the library from a backup or ask a custodian; &quot;kmdesk check&quot; lists the same problems.</source>
        <translation>kmdesk нашёл строки, которым нельзя доверять. Они никогда не используются: не прошедшая проверку запись помещается в карантин, не прошедшее проверку согласие не учитывается, ничто не прошедшее проверку не передаётся. Восстановите библиотеку из резервной копии или обратитесь к хранителю; «kmdesk check» выводит те же проблемы.</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <source>Restricted record</source>
        <translation>Запись ограниченного доступа</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>GBF targets</source>
        <translation>Целевые задачи ГРП</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Община</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Языки</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Доступ</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Согласие</translation>
    </message>
    <message>
        <source>Target {number}: {title}</source>
        <translation>Целевая задача {number}: {title}</translation>
    </message>
</context>
<context>
    <name>LibraryTable</name>
    <message>
        <source>Records</source>
        <translation>Записи</translation>
    </message>
    <message>
        <source>The records the search found, one per row. The arrow keys choose a record, Enter edits it, a right click on the headings chooses the columns.</source>
        <translation>Записи, найденные поиском, по одной в строке. Стрелки выбирают запись, Enter открывает её для правки, щелчок правой кнопкой по заголовкам выбирает столбцы.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>This library is locked</source>
        <translation>Библиотека заблокирована</translation>
    </message>
    <message>
        <source>Unlock your profile to read and edit the knowledge your community&apos;s protocols allow you. Without unlocking you can browse the public records.</source>
        <translation>Разблокируйте профиль, чтобы читать и изменять знания, доступные вам по протоколам вашей общины. Без разблокировки можно просматривать общедоступные записи.</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Профиль</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Парольная фраза</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Разблокировать</translation>
    </message>
    <message>
        <source>Browse without unlocking</source>
        <translation>Просматривать без разблокировки</translation>
    </message>
    <message>
        <source>{name} ({roles})</source>
        <translation>{name} ({roles})</translation>
    </message>
    <message>
        <source>Choose a profile first.</source>
        <translation>Сначала выберите профиль.</translation>
    </message>
    <message>
        <source>Type the passphrase of {name}.</source>
        <translation>Введите парольную фразу: {name}.</translation>
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
        <translation>Файлы</translation>
    </message>
    <message>
        <source>Practitioner &amp;directory…</source>
        <translation>&amp;Справочник специалистов…</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Совпадения</translation>
    </message>
    <message>
        <source>&amp;Trash…</source>
        <translation>&amp;Корзина…</translation>
    </message>
    <message>
        <source>About kmdesk</source>
        <translation>О программе kmdesk</translation>
    </message>
    <message>
        <source>kmdesk {version}

Offline knowledge management for Indigenous Peoples and Local Communities and biodiversity practitioners, for the Kunming-Montreal Global Biodiversity Framework. Knowledge is shared only with free, prior and informed consent.</source>
        <translation>kmdesk {version}

Автономное управление знаниями для коренных народов и местных общин и специалистов по биоразнообразию в поддержку Куньминско-Монреальской глобальной рамочной программы в области биоразнообразия. Знаниями делятся только со свободного, предварительного и осознанного согласия.</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>Map — kmdesk</source>
        <translation>Карта — kmdesk</translation>
    </message>
    <message>
        <source>Countries are shaded by the number of records that name them (darker: more); a dot is a place with coordinates. Click either to list its records. Boundaries: Natural Earth (public domain).</source>
        <translation>Страны окрашены по числу записей, в которых они названы (темнее — больше); точка — место с координатами. Нажмите на страну или точку, чтобы увидеть её записи. Границы: Natural Earth (общественное достояние).</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Подсчёт…</translation>
    </message>
    <message>
        <source>The map could not be drawn: {reason}</source>
        <translation>Не удалось нарисовать карту: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>{country}: %Ln record(s)</source>
        <translation>
            <numerusform>{country}: %Ln запись</numerusform>
            <numerusform>{country}: %Ln записи</numerusform>
            <numerusform>{country}: %Ln записей</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{places}: %Ln record(s)</source>
        <translation>
            <numerusform>{places}: %Ln запись</numerusform>
            <numerusform>{places}: %Ln записи</numerusform>
            <numerusform>{places}: %Ln записей</numerusform>
        </translation>
    </message>
    <message>
        <source>{countries} countries and {places} places with coordinates</source>
        <translation>Стран: {countries}, мест с координатами: {places}</translation>
    </message>
    <message>
        <source>Country: {name}</source>
        <translation>Страна: {name}</translation>
    </message>
    <message>
        <source>Place: {names}</source>
        <translation>Место: {names}</translation>
    </message>
</context>
<context>
    <name>MatchesView</name>
    <message>
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Почему</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Совпадения</translation>
    </message>
    <message>
        <source>Matches are found for needs, offers, organizations and people.</source>
        <translation>Совпадения ищутся для потребностей, предложений, организаций и людей.</translation>
    </message>
    <message>
        <source>Looking for matches…</source>
        <translation>Поиск совпадений…</translation>
    </message>
    <message>
        <source>{title} (from the CHM)</source>
        <translation>{title} (из Механизма посредничества)</translation>
    </message>
    <message>
        <source>{count} matches; open one with a double click.</source>
        <translation>Совпадений: {count}; откройте двойным щелчком.</translation>
    </message>
    <message>
        <source>No match yet: nothing in the library or the pulled CHM records fits.</source>
        <translation>Совпадений пока нет: ничего в библиотеке и в загруженных записях Механизма посредничества не подходит.</translation>
    </message>
    <message>
        <source>Matches could not be found: {error}</source>
        <translation>Не удалось найти совпадения: {error}</translation>
    </message>
</context>
<context>
    <name>OpenLibraryBanner</name>
    <message>
        <source>This library has no profiles: anyone using this computer can read and change it, and nothing in it can be protected. Create its first custodian to keep a community&apos;s knowledge under its own rules.</source>
        <translation>В этой библиотеке нет профилей: любой пользователь компьютера может её читать и изменять, и ничего в ней нельзя защитить. Создайте первого хранителя, чтобы знания общины подчинялись её собственным правилам.</translation>
    </message>
    <message>
        <source>Create the first custodian…</source>
        <translation>Создать первого хранителя…</translation>
    </message>
    <message>
        <source>Keep it open</source>
        <translation>Оставить открытой</translation>
    </message>
</context>
<context>
    <name>PanesController</name>
    <message>
        <source>kmdesk — {folder} (read-only)</source>
        <translation>kmdesk — {folder} (только чтение)</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Только чтение</translation>
    </message>
    <message>
        <source>&amp;Filters</source>
        <translation>&amp;Фильтры</translation>
    </message>
    <message>
        <source>Show or hide the filters pane</source>
        <translation>Показать или скрыть панель фильтров</translation>
    </message>
    <message>
        <source>&amp;Record pane</source>
        <translation>Панель &amp;записи</translation>
    </message>
    <message>
        <source>Show or hide the record pane</source>
        <translation>Показать или скрыть панель записи</translation>
    </message>
</context>
<context>
    <name>Places</name>
    <message>
        <source>%1° N</source>
        <translation>%1° с. ш.</translation>
    </message>
    <message>
        <source>%1° S</source>
        <translation>%1° ю. ш.</translation>
    </message>
    <message>
        <source>%1° E</source>
        <translation>%1° в. д.</translation>
    </message>
    <message>
        <source>%1° W</source>
        <translation>%1° з. д.</translation>
    </message>
    <message>
        <source>{place} ({latitude}, {longitude})</source>
        <translation>{place} ({latitude}, {longitude})</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>language tags, e.g. quz, es, en</source>
        <translation>языковые теги, напр. quz, es, en</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Язык интерфейса</translation>
    </message>
    <message>
        <source>Record languages, in order</source>
        <translation>Языки записей по порядку</translation>
    </message>
    <message>
        <source>A record&apos;s title and texts are shown in the interface language when the record has it, else in the first of these languages it has. Any BCP 47 tag works, e.g. quz (Cusco Quechua), mi (Maori), sw (Swahili).</source>
        <translation>Название и тексты записи показываются на языке интерфейса, если он в ней есть, иначе — на первом из этих языков, который в ней есть. Подходит любой тег BCP 47, напр. quz (кечуа Куско), mi (маори), sw (суахили).</translation>
    </message>
    <message>
        <source>“{tag}” is not a language tag (BCP 47), e.g. quz or pt-BR.</source>
        <translation>«{tag}» — не языковой тег (BCP 47), напр. quz или pt-BR.</translation>
    </message>
</context>
<context>
    <name>ProfileSession</name>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Заблокировать</translation>
    </message>
    <message>
        <source>&amp;Change my passphrase…</source>
        <translation>&amp;Изменить мою парольную фразу…</translation>
    </message>
    <message>
        <source>&amp;Custodian&apos;s view…</source>
        <translation>Режим &amp;хранителя…</translation>
    </message>
    <message>
        <source>Create the &amp;first custodian…</source>
        <translation>Создать &amp;первого хранителя…</translation>
    </message>
    <message>
        <source>Lock &amp;automatically after…</source>
        <translation>&amp;Автоблокировка через…</translation>
    </message>
    <message>
        <source>&amp;Access</source>
        <translation>&amp;Доступ</translation>
    </message>
    <message>
        <source>&amp;Unlock…</source>
        <translation>&amp;Разблокировать…</translation>
    </message>
    <message>
        <source>Lock the library: forget the keys until a passphrase is typed again (Ctrl+L)</source>
        <translation>Заблокировать библиотеку: забыть ключи до нового ввода парольной фразы (Ctrl+L)</translation>
    </message>
    <message>
        <source>Unlock a profile to read protected knowledge (Ctrl+L)</source>
        <translation>Разблокировать профиль, чтобы читать защищённые знания (Ctrl+L)</translation>
    </message>
    <message>
        <source>Unlocked: {name} ({roles})</source>
        <translation>Разблокировано: {name} ({roles})</translation>
    </message>
    <message>
        <source>Locked: public records only</source>
        <translation>Заблокировано: только общедоступные записи</translation>
    </message>
    <message>
        <source>Open library (no profiles)</source>
        <translation>Открытая библиотека (без профилей)</translation>
    </message>
    <message>
        <source>That passphrase does not open {name}. Check it (and Caps Lock) and try again.</source>
        <translation>Эта парольная фраза не открывает {name}. Проверьте её (и Caps Lock) и попробуйте снова.</translation>
    </message>
    <message>
        <source>There is no profile named {name} any more.</source>
        <translation>Профиля с именем {name} больше нет.</translation>
    </message>
    <message>
        <source>Unlocking {name}…</source>
        <translation>Разблокировка: {name}…</translation>
    </message>
    <message>
        <source>Unlocked as {name}.</source>
        <translation>Разблокировано как {name}.</translation>
    </message>
    <message>
        <source>Lock the library</source>
        <translation>Заблокировать библиотеку</translation>
    </message>
    <message>
        <source>An editor has changes that are not saved. Locking closes it and discards them.</source>
        <translation>В редакторе есть несохранённые изменения. Блокировка закроет его и отбросит их.</translation>
    </message>
    <message>
        <source>The library locked itself after {minutes} minutes without use.</source>
        <translation>Библиотека заблокировалась после простоя (минут: {minutes}).</translation>
    </message>
    <message>
        <source>An open editor was closed and its unsaved changes were discarded.</source>
        <translation>Открытый редактор закрыт, несохранённые изменения отброшены.</translation>
    </message>
    <message>
        <source>Lock automatically</source>
        <translation>Автоматическая блокировка</translation>
    </message>
    <message>
        <source>Lock the library after this many minutes without use (0: never):</source>
        <translation>Блокировать библиотеку после стольких минут простоя (0 — никогда):</translation>
    </message>
    <message>
        <source>Creating {name}…</source>
        <translation>Создание: {name}…</translation>
    </message>
    <message>
        <source>The current passphrase is not right.</source>
        <translation>Текущая парольная фраза неверна.</translation>
    </message>
    <message>
        <source>The passphrase of {name} was changed.</source>
        <translation>Парольная фраза {name} изменена.</translation>
    </message>
    <message>
        <source>Changing the passphrase…</source>
        <translation>Изменение парольной фразы…</translation>
    </message>
    <message>
        <source>Consent saved.</source>
        <translation>Согласие сохранено.</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>Working…</source>
        <translation>Выполняется…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>RecordConsentDialog</name>
    <message>
        <source>Record consent</source>
        <translation>Запись согласия</translation>
    </message>
    <message>
        <source>Consent for “{title}”. A consent is the community&apos;s whole decision at the time it was given; it replaces earlier ones and is never edited afterwards.</source>
        <translation>Согласие для «{title}». Согласие — это цельное решение общины на момент его предоставления; оно заменяет прежние и впоследствии не изменяется.</translation>
    </message>
    <message>
        <source>the person or authority who gave consent</source>
        <translation>лицо или орган, давшие согласие</translation>
    </message>
    <message>
        <source>e.g. assembly of the ayllu, council of elders</source>
        <translation>напр., собрание айлью, совет старейшин</translation>
    </message>
    <message>
        <source>names, separated by commas</source>
        <translation>имена через запятую</translation>
    </message>
    <message>
        <source>who receives the knowledge</source>
        <translation>кто получает знания</translation>
    </message>
    <message>
        <source>information shared on</source>
        <translation>информация предоставлена</translation>
    </message>
    <message>
        <source>e.g. Quechua (quz)</source>
        <translation>напр., кечуа (quz)</translation>
    </message>
    <message>
        <source>e.g. meeting with an interpreter, radio, written summary</source>
        <translation>напр., встреча с переводчиком, радио, письменное изложение</translation>
    </message>
    <message>
        <source>given on</source>
        <translation>дано</translation>
    </message>
    <message>
        <source>What the community agreed to</source>
        <translation>На что согласилась община</translation>
    </message>
    <message>
        <source>conditions the community set, in its words</source>
        <translation>условия общины, её словами</translation>
    </message>
    <message>
        <source>expires on</source>
        <translation>истекает</translation>
    </message>
    <message>
        <source>the attachment or archive reference of the signed form or recording</source>
        <translation>вложение или архивная ссылка на подписанную форму или запись</translation>
    </message>
    <message>
        <source>Granted by</source>
        <translation>Кем дано</translation>
    </message>
    <message>
        <source>For the community</source>
        <translation>От имени общины</translation>
    </message>
    <message>
        <source>Community process</source>
        <translation>Процедура общины</translation>
    </message>
    <message>
        <source>Witnesses</source>
        <translation>Свидетели</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Получатель</translation>
    </message>
    <message>
        <source>Prior information</source>
        <translation>Предварительная информация</translation>
    </message>
    <message>
        <source>Informed in (language)</source>
        <translation>Язык информирования</translation>
    </message>
    <message>
        <source>Informed how</source>
        <translation>Как информировали</translation>
    </message>
    <message>
        <source>Consent given</source>
        <translation>Согласие дано</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Форма</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Условия</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Срок действия</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Подтверждение</translation>
    </message>
</context>
<context>
    <name>RecordController</name>
    <message>
        <source>No font for {scripts} is installed: this text shows as boxes. Install a font for it (Debian/Ubuntu: {packages}).</source>
        <translation>Не установлен шрифт для письменности {scripts}: текст отображается квадратами. Установите шрифт (Debian/Ubuntu: {packages}).</translation>
    </message>
    <message>
        <source>Pulled from the CHM: read-only here. The next pull brings its changes.</source>
        <translation>Получено из Механизма посредничества: здесь только для чтения. Следующая загрузка принесёт его изменения.</translation>
    </message>
    <message>
        <source>Adding or removing files needs an unlocked contributor or custodian who may read this record.</source>
        <translation>Чтобы добавлять или удалять файлы, нужен разблокированный профиль участника или хранителя, которому разрешено читать эту запись.</translation>
    </message>
    <message>
        <source>Edit the selected record</source>
        <translation>Изменить выбранную запись</translation>
    </message>
    <message>
        <source>Delete the selected record</source>
        <translation>Удалить выбранную запись</translation>
    </message>
    <message>
        <source>Record created.</source>
        <translation>Запись создана.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Сохранено.</translation>
    </message>
    <message>
        <source>Record moved to the trash.</source>
        <translation>Запись перемещена в корзину.</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <source>New record</source>
        <translation>Новая запись</translation>
    </message>
    <message>
        <source>Edit record</source>
        <translation>Изменить запись</translation>
    </message>
    <message>
        <source>Texts</source>
        <translation>Тексты</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>GBF</source>
        <translation>ГРП</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Люди</translation>
    </message>
    <message>
        <source>Access and labels</source>
        <translation>Доступ и метки</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Save and keep editing (Ctrl+S)</source>
        <translation>Сохранить и продолжить (Ctrl+S)</translation>
    </message>
    <message>
        <source>Save and close</source>
        <translation>Сохранить и закрыть</translation>
    </message>
    <message>
        <source>Add language…</source>
        <translation>Добавить язык…</translation>
    </message>
    <message>
        <source>Add the title, summary and text in another language (any BCP 47 tag, e.g. quz, sw, pt-BR)</source>
        <translation>Добавить название, краткое описание и текст на другом языке (любой тег BCP 47, напр. quz, sw, pt-BR)</translation>
    </message>
    <message>
        <source>Add language</source>
        <translation>Добавить язык</translation>
    </message>
    <message>
        <source>Language tag (BCP 47), for example quz, sw, ar, pt-BR:</source>
        <translation>Языковой тег (BCP 47), например quz, sw, ar, pt-BR:</translation>
    </message>
    <message>
        <source>“{tag}” is not a language tag (BCP 47), e.g. quz or pt-BR.</source>
        <translation>«{tag}» — не языковой тег (BCP 47), напр. quz или pt-BR.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Краткое описание</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>title ({tag})</source>
        <translation>название ({tag})</translation>
    </message>
    <message>
        <source>summary ({tag})</source>
        <translation>краткое описание ({tag})</translation>
    </message>
    <message>
        <source>text ({tag})</source>
        <translation>текст ({tag})</translation>
    </message>
    <message>
        <source>type</source>
        <translation>тип</translation>
    </message>
    <message>
        <source>kind of resource</source>
        <translation>вид ресурса</translation>
    </message>
    <message>
        <source>keywords</source>
        <translation>ключевые слова</translation>
    </message>
    <message>
        <source>community</source>
        <translation>община</translation>
    </message>
    <message>
        <source>date</source>
        <translation>дата</translation>
    </message>
    <message>
        <source>licence</source>
        <translation>лицензия</translation>
    </message>
    <message>
        <source>link</source>
        <translation>ссылка</translation>
    </message>
    <message>
        <source>languages</source>
        <translation>языки</translation>
    </message>
    <message>
        <source>countries</source>
        <translation>страны</translation>
    </message>
    <message>
        <source>places</source>
        <translation>места</translation>
    </message>
    <message>
        <source>goal {code}</source>
        <translation>цель {code}</translation>
    </message>
    <message>
        <source>GBF targets</source>
        <translation>Целевые задачи ГРП</translation>
    </message>
    <message>
        <source>creators</source>
        <translation>авторы</translation>
    </message>
    <message>
        <source>access</source>
        <translation>доступ</translation>
    </message>
    <message>
        <source>labels</source>
        <translation>метки</translation>
    </message>
</context>
<context>
    <name>RecordView</name>
    <message>
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>The record selected in the list: its texts in every language, its targets, people, places and access.</source>
        <translation>Запись, выбранная в списке: её тексты на всех языках, целевые задачи, люди, места и доступ.</translation>
    </message>
    <message>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <source>Record pane</source>
        <translation>Панель записи</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Согласие</translation>
    </message>
    <message>
        <source>Select a record in the list to read it here.</source>
        <translation>Выберите запись в списке, чтобы прочитать её здесь.</translation>
    </message>
    <message>
        <source>On the Clearing-House</source>
        <translation>В механизме посредничества</translation>
    </message>
    <message>
        <source>Restricted record</source>
        <translation>Запись ограниченного доступа</translation>
    </message>
    <message>
        <source>In conflict: {fields}. Two devices changed this at once; both values are kept and one is shown here. Choose in Hub › Records in conflict…</source>
        <translation>В конфликте: {fields}. Два устройства изменили это одновременно; оба значения сохранены, здесь показано одно из них. Выберите в меню Хаб › Записи в конфликте…</translation>
    </message>
    <message>
        <source>This record is protected by its community&apos;s rules. Its texts open only for a profile that may read them.</source>
        <translation>Эта запись защищена правилами её общины. Её тексты открываются только профилю, которому разрешено их читать.</translation>
    </message>
    <message>
        <source>Goal {code}: {title}</source>
        <translation>Цель {code}: {title}</translation>
    </message>
    <message>
        <source>Target {number}: {title}</source>
        <translation>Целевая задача {number}: {title}</translation>
    </message>
    <message>
        <source>Kunming-Montreal Global Biodiversity Framework</source>
        <translation>Куньминско-Монреальская глобальная рамочная программа в области биоразнообразия</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>Ключевые слова</translation>
    </message>
    <message>
        <source>CBD subjects</source>
        <translation>Темы КБР</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Языки</translation>
    </message>
    <message>
        <source>Creators</source>
        <translation>Авторы</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Община</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Люди</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>Страны</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Места</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Где</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Лицензия</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Ссылка</translation>
    </message>
    <message>
        <source>Identifiers</source>
        <translation>Идентификаторы</translation>
    </message>
    <message>
        <source>Contact details</source>
        <translation>Контактные данные</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Редакция</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Создано</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>Последнее изменение</translation>
    </message>
    <message>
        <source>Record id</source>
        <translation>Идентификатор записи</translation>
    </message>
    <message>
        <source>Not listed in the directory: without a valid consent to be listed (list_in_directory), contact details are withheld from locked views, search, exports, reports and the CHM.</source>
        <translation>Нет в справочнике: без действующего согласия на включение (list_in_directory) контактные данные не показываются в заблокированном режиме, в поиске, экспорте, отчётах и в Механизме посредничества.</translation>
    </message>
    <message>
        <source>Listed in the directory with the consent of {who}, given on {day}.</source>
        <translation>Включено в справочник с согласия: {who}, дано {day}.</translation>
    </message>
    <message>
        <source>Listed in the directory with a valid consent to be listed.</source>
        <translation>Включено в справочник с действующим согласием на включение.</translation>
    </message>
    <message>
        <source>From the CHM</source>
        <translation>Из Механизма посредничества</translation>
    </message>
    <message>
        <source>Pulled from the central Clearing-House (identifier {identifier}). It is read-only here: the next pull brings its changes, or marks it withdrawn.</source>
        <translation>Загружено из центрального Механизма посредничества (идентификатор {identifier}). Здесь только для чтения: следующая загрузка принесёт изменения или отметит запись как отозванную.</translation>
    </message>
    <message>
        <source>May go to the national CHM once someone selects it for sharing.</source>
        <translation>Может быть передана в национальный Механизм посредничества, как только её выберут для передачи.</translation>
    </message>
    <message>
        <source>Not eligible:</source>
        <translation>Не допускается:</translation>
    </message>
    <message>
        <source>Access and consent</source>
        <translation>Доступ и согласие</translation>
    </message>
    <message>
        <source>Access level</source>
        <translation>Уровень доступа</translation>
    </message>
    <message>
        <source>Protocols</source>
        <translation>Протоколы</translation>
    </message>
    <message>
        <source>members of any one</source>
        <translation>члены любого из них</translation>
    </message>
    <message>
        <source>Custodians</source>
        <translation>Хранители</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Метки</translation>
    </message>
    <message>
        <source>Sharing</source>
        <translation>Передача</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>GBF report</source>
        <translation>Отчёт по Рамочной программе</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>Документ PDF</translation>
    </message>
    <message>
        <source>Web page (HTML)</source>
        <translation>Веб-страница (HTML)</translation>
    </message>
    <message>
        <source>Markdown text</source>
        <translation>Текст Markdown</translation>
    </message>
    <message>
        <source>All targets</source>
        <translation>Все целевые задачи</translation>
    </message>
    <message>
        <source>{number} · {title}</source>
        <translation>{number} · {title}</translation>
    </message>
    <message>
        <source>The report holds public records only, whoever is unlocked.</source>
        <translation>Отчёт содержит только общедоступные записи, какой бы профиль ни был разблокирован.</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Формат:</translation>
    </message>
    <message>
        <source>Targets:</source>
        <translation>Целевые задачи:</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Сохранить отчёт</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>Создание отчёта…</translation>
    </message>
</context>
<context>
    <name>SearchController</name>
    <message>
        <source>Search failed: {reason} {detail}</source>
        <translation>Поиск не удался: {reason} {detail}</translation>
    </message>
    <message>
        <source>Showing results for {suggestion}.</source>
        <translation>Показаны результаты для {suggestion}.</translation>
    </message>
    <message>
        <source>Did you mean {suggestion}?</source>
        <translation>Возможно, вы имели в виду {suggestion}?</translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s)</source>
        <translation>
            <numerusform>%Ln запись</numerusform>
            <numerusform>%Ln записи</numerusform>
            <numerusform>%Ln записей</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln shown</source>
        <translation>
            <numerusform>%Ln показана</numerusform>
            <numerusform>%Ln показаны</numerusform>
            <numerusform>%Ln показано</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusProgress</name>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>SuggestionsBox</name>
    <message>
        <source>Suggested targets and subjects</source>
        <translation>Предлагаемые задачи и темы</translation>
    </message>
    <message>
        <source>Suggest</source>
        <translation>Предложить</translation>
    </message>
    <message>
        <source>Propose GBF targets and CBD subjects from similar tagged records and the vocabularies&apos; own words; nothing is added without a click</source>
        <translation>Предлагает задачи Рамочной программы и темы КБР по похожим размеченным записям и словам самих словарей; ничего не добавляется без щелчка</translation>
    </message>
    <message>
        <source>Looking at similar records…</source>
        <translation>Просмотр похожих записей…</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Click Add for each one that fits.</source>
        <translation>Нажмите «Добавить» для каждой подходящей.</translation>
    </message>
    <message>
        <source>No suggestion: add more text first.</source>
        <translation>Предложений нет: сначала добавьте текст.</translation>
    </message>
    <message>
        <source>Target {number} · {title}</source>
        <translation>Целевая задача {number} · {title}</translation>
    </message>
    <message>
        <source>Subject: {title}</source>
        <translation>Тема: {title}</translation>
    </message>
    <message>
        <source>like «{title}»</source>
        <translation>как «{title}»</translation>
    </message>
    <message>
        <source>words: {words}</source>
        <translation>слова: {words}</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <source>sent as draft</source>
        <translation>отправлена как черновик</translation>
    </message>
    <message>
        <source>submitted for review</source>
        <translation>отправлена на проверку</translation>
    </message>
    <message>
        <source>failed: {reason}</source>
        <translation>ошибка: {reason}</translation>
    </message>
    <message>
        <source>queued (last try: {error})</source>
        <translation>в очереди (последняя попытка: {error})</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>в очереди</translation>
    </message>
    <message>
        <source>not shared</source>
        <translation>не передаётся</translation>
    </message>
    <message>
        <source>selected, not sent</source>
        <translation>выбрана, не отправлена</translation>
    </message>
    <message>
        <source>retracted</source>
        <translation>отозвана</translation>
    </message>
    <message>
        <source>not eligible, taken down</source>
        <translation>не допускается, снята</translation>
    </message>
    <message>
        <source>The CHM does not know the realm “{realm}”: correct the target&apos;s realm (CHM, or CHM-DEV on the development host). Nothing was sent; records stay queued.</source>
        <translation>Механизм посредничества не знает область «{realm}»: исправьте область цели (CHM или CHM-DEV на сервере разработки). Ничего не отправлено; записи остаются в очереди.</translation>
    </message>
    <message>
        <source>The CHM at {url} refused the e-mail or password (HTTP {status}). Records stay queued.</source>
        <translation>Механизм посредничества по адресу {url} отклонил адрес электронной почты или пароль (HTTP {status}). Записи остаются в очереди.</translation>
    </message>
    <message>
        <source>The target refused the account or its rights.</source>
        <translation>Цель отклонила учётную запись или её права.</translation>
    </message>
    <message>
        <source>This Bioland site accepts no new content (read-only). Records stay queued.</source>
        <translation>Этот сайт Bioland не принимает новые материалы (только чтение). Записи остаются в очереди.</translation>
    </message>
    <message>
        <source>This target is missing its account settings.</source>
        <translation>Для этой цели не заданы параметры учётной записи.</translation>
    </message>
    <message>
        <source>The run stopped.</source>
        <translation>Выполнение остановлено.</translation>
    </message>
    <message>
        <source>Sync with the CHM</source>
        <translation>Синхронизация с механизмом посредничества</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Объект</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Последняя ошибка</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Сбои</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Синхронизировать сейчас</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Повторить сейчас</translation>
    </message>
    <message>
        <source>Pull from the CHM</source>
        <translation>Загрузить из Механизма посредничества</translation>
    </message>
    <message>
        <source>Fetch the central CHM&apos;s public records for each CHM target&apos;s country into the read-only collection &quot;From the CHM&quot;</source>
        <translation>Загружает публичные записи центрального Механизма посредничества для страны каждого адресата в коллекцию только для чтения «Из Механизма посредничества»</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Передать</translation>
    </message>
    <message>
        <source>Pulling from the CHM…</source>
        <translation>Загрузка из Механизма посредничества…</translation>
    </message>
    <message>
        <source>{target}: {added} new, {updated} updated, {withdrawn} withdrawn from the CHM.</source>
        <translation>{target}: новых {added}, обновлено {updated}, отозвано из Механизма посредничества {withdrawn}.</translation>
    </message>
    <message>
        <source>The CHM needs the title in one of the six UN languages (Arabic, Chinese, English, French, Russian, Spanish); this record has: {languages}</source>
        <translation>Механизму посредничества нужно название на одном из шести языков ООН (английский, арабский, испанский, китайский, русский, французский); у этой записи: {languages}</translation>
    </message>
    <message>
        <source>The CHM accepts no identifier like this record&apos;s id; it is sent as {identifier}, the same every time.</source>
        <translation>Механизм посредничества не принимает такой идентификатор, как у этой записи; она отправляется как {identifier}, всегда одинаково.</translation>
    </message>
    <message>
        <source>Share with {target}</source>
        <translation>Передать в {target}</translation>
    </message>
    <message>
        <source>Sending needs an unlocked profile that holds the sync credentials (a custodian).</source>
        <translation>Для отправки нужен разблокированный профиль с учётными данными синхронизации (хранитель).</translation>
    </message>
    <message>
        <source>Send what waits for a retry at once, and try rejected records again</source>
        <translation>Сразу отправить то, что ждёт повтора, и снова попробовать отклонённые записи</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Ожидают отправки</translation>
    </message>
    <message>
        <source>Refused by the target (fix the record, then retry)</source>
        <translation>Отклонено целью (исправьте запись и повторите)</translation>
    </message>
    <message>
        <source>This record</source>
        <translation>Эта запись</translation>
    </message>
    <message>
        <source>Stop sharing</source>
        <translation>Прекратить передачу</translation>
    </message>
    <message>
        <source>Network: connected</source>
        <translation>Сеть: подключено</translation>
    </message>
    <message>
        <source>Network: offline — records wait in the outbox</source>
        <translation>Сеть: нет подключения — записи ждут в исходящих</translation>
    </message>
    <message>
        <source>Network: unknown — sync is tried every few minutes while records wait</source>
        <translation>Сеть: неизвестно — синхронизация повторяется каждые несколько минут, пока записи ждут</translation>
    </message>
    <message>
        <source>never</source>
        <translation>никогда</translation>
    </message>
    <message>
        <source>{target}: last sync {when}, {queued} waiting, {failed} refused</source>
        <translation>{target}: последняя синхронизация {when}, ожидают: {queued}, отклонено: {failed}</translation>
    </message>
    <message>
        <source>No sync target yet: a custodian adds one with &apos;kmdesk target add&apos;.</source>
        <translation>Цель синхронизации ещё не задана: хранитель добавляет её командой &apos;kmdesk target add&apos;.</translation>
    </message>
    <message>
        <source>(deleted record {id})</source>
        <translation>(удалённая запись {id})</translation>
    </message>
    <message>
        <source>send</source>
        <translation>отправить</translation>
    </message>
    <message>
        <source>take down</source>
        <translation>снять</translation>
    </message>
    <message>
        <source>{todo}, tried {n}×</source>
        <translation>{todo}, попыток: {n}</translation>
    </message>
    <message>
        <source>{title} → {target}: {reason}</source>
        <translation>{title} → {target}: {reason}</translation>
    </message>
    <message>
        <source>Syncing with the CHM…</source>
        <translation>Синхронизация с механизмом посредничества…</translation>
    </message>
    <message>
        <source>Select a record to see whether it can be shared.</source>
        <translation>Выберите запись, чтобы узнать, можно ли её передать.</translation>
    </message>
    <message>
        <source>Eligible: consent and access allow sharing.</source>
        <translation>Допускается: согласие и доступ разрешают передачу.</translation>
    </message>
    <message>
        <source>Not eligible:</source>
        <translation>Не допускается:</translation>
    </message>
    <message>
        <source>The CHM still needs: {fields}</source>
        <translation>Механизму посредничества ещё нужно: {fields}</translation>
    </message>
    <message>
        <source>The CHM would refuse: {problems}</source>
        <translation>Механизм посредничества отклонит: {problems}</translation>
    </message>
    <message>
        <source>No sync target yet.</source>
        <translation>Цель синхронизации ещё не задана.</translation>
    </message>
</context>
<context>
    <name>TrashView</name>
    <message>
        <source>Trash</source>
        <translation>Корзина</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Удалена</translation>
    </message>
    <message>
        <source>Deleted by</source>
        <translation>Кем удалена</translation>
    </message>
    <message>
        <source>Deleted records</source>
        <translation>Удалённые записи</translation>
    </message>
    <message>
        <source>Records deleted from this library, newest first, with when and by whom; choose one and press Restore to bring it back.</source>
        <translation>Записи, удалённые из этой библиотеки, сначала новые, с датой и автором удаления; выберите запись и нажмите «Восстановить», чтобы вернуть её.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Восстановить</translation>
    </message>
    <message>
        <source>Put the chosen record back in the library, as it was.</source>
        <translation>Вернуть выбранную запись в библиотеку в прежнем виде.</translation>
    </message>
    <message>
        <source>&amp;Empty trash…</source>
        <translation>&amp;Очистить корзину…</translation>
    </message>
    <message>
        <source>Forget every deleted record you may remove, with its files, after asking; this cannot be undone.</source>
        <translation>После подтверждения забыть все удалённые записи, которые вы можете убрать, вместе с файлами; это нельзя отменить.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Trash status</source>
        <translation>Состояние корзины</translation>
    </message>
    <message>
        <source>Reading the trash…</source>
        <translation>Чтение корзины…</translation>
    </message>
    <message>
        <source>Damaged record (failed its integrity check)</source>
        <translation>Повреждённая запись (не прошла проверку целостности)</translation>
    </message>
    <message>
        <source>Restricted record (you cannot open it)</source>
        <translation>Закрытая запись (вы не можете её открыть)</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(без названия)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln deleted record(s).</source>
        <translation>
            <numerusform>%Ln удалённая запись</numerusform>
            <numerusform>%Ln удалённые записи</numerusform>
            <numerusform>%Ln удалённых записей</numerusform>
        </translation>
    </message>
    <message>
        <source>The trash is empty.</source>
        <translation>Корзина пуста.</translation>
    </message>
    <message>
        <source>Restored “{title}”.</source>
        <translation>«{title}» восстановлена.</translation>
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
        <translation>Отзыв согласия</translation>
    </message>
    <message>
        <source>Withdraw consent for “{title}”. The record will be retracted from the Clearing-House at the next sync; the history keeps the consent and its withdrawal.</source>
        <translation>Отозвать согласие для «{title}». Запись будет отозвана из Механизма посредничества при следующей синхронизации; история сохранит и согласие, и его отзыв.</translation>
    </message>
    <message>
        <source>Every consent still standing</source>
        <translation>Все ещё действующие согласия</translation>
    </message>
    <message>
        <source>Given {date} by {name}</source>
        <translation>Дано {date}, кем: {name}</translation>
    </message>
    <message>
        <source>the person or authority withdrawing it</source>
        <translation>лицо или орган, отзывающие его</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Согласие</translation>
    </message>
    <message>
        <source>Withdrawn on</source>
        <translation>Дата отзыва</translation>
    </message>
    <message>
        <source>Withdrawn by</source>
        <translation>Кем отозвано</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Отозвать</translation>
    </message>
    <message>
        <source>Say who withdrew the consent.</source>
        <translation>Укажите, кто отозвал согласие.</translation>
    </message>
</context>
<context>
    <name>access</name>
    <message>
        <source>Anyone using this library can read it. It may go to the national Clearing-House Mechanism when a consent covers that and no label forbids it.</source>
        <translation>Любой пользователь этой библиотеки может её прочитать. Запись может быть передана в национальный механизм посредничества, если это покрывает согласие и никакая метка этого не запрещает.</translation>
    </message>
    <message>
        <source>Only members of the record&apos;s community can read it. Its texts are encrypted on this computer; others see that it exists, not what it says.</source>
        <translation>Прочитать запись могут только члены её общины. Её тексты зашифрованы на этом компьютере; остальные видят, что она существует, но не её содержание.</translation>
    </message>
    <message>
        <source>Only members of the cultural protocols ticked below can read it (all of them, or any one, as chosen). Its texts are encrypted; others see a sealed record.</source>
        <translation>Прочитать запись могут только участники отмеченных ниже культурных протоколов (всех или любого из них, как выбрано). Её тексты зашифрованы; остальные видят запечатанную запись.</translation>
    </message>
    <message>
        <source>Only the custodians named below can read it, and nobody else even sees that it exists. It never leaves this computer: no export, no sync.</source>
        <translation>Прочитать запись могут только названные ниже хранители, и никто другой даже не видит, что она существует. Она никогда не покидает этот компьютер: ни экспорта, ни синхронизации.</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Действует</translation>
    </message>
    <message>
        <source>Expiring soon</source>
        <translation>Скоро истекает</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Истекло</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Отозвано</translation>
    </message>
    <message>
        <source>No consent</source>
        <translation>Нет согласия</translation>
    </message>
    <message>
        <source>A current consent is in force.</source>
        <translation>Действует текущее согласие.</translation>
    </message>
    <message>
        <source>The consent in force ends within 30 days; ask the community whether to renew it.</source>
        <translation>Действующее согласие истекает в течение 30 дней; спросите общину, продлевать ли его.</translation>
    </message>
    <message>
        <source>The consent has expired; the record is not shared until a new consent is recorded.</source>
        <translation>Срок согласия истёк; запись не передаётся, пока не будет зарегистрировано новое согласие.</translation>
    </message>
    <message>
        <source>The community withdrew its consent; the record is retracted from the CHM at the next sync.</source>
        <translation>Община отозвала согласие; запись будет снята с механизма посредничества при следующей синхронизации.</translation>
    </message>
    <message>
        <source>No consent has been recorded.</source>
        <translation>Согласие не зарегистрировано.</translation>
    </message>
    <message>
        <source>custodian</source>
        <translation>хранитель</translation>
    </message>
    <message>
        <source>contributor</source>
        <translation>участник</translation>
    </message>
    <message>
        <source>viewer</source>
        <translation>читатель</translation>
    </message>
    <message>
        <source>Nobody has selected it for sharing yet.</source>
        <translation>Никто ещё не выбрал её для передачи.</translation>
    </message>
    <message>
        <source>Its access level is {level}, not public.</source>
        <translation>Её уровень доступа — {level}, а не общий.</translation>
    </message>
    <message>
        <source>Sacred knowledge never leaves this computer.</source>
        <translation>Священные знания никогда не покидают этот компьютер.</translation>
    </message>
    <message>
        <source>It is a community&apos;s knowledge: it needs a current consent covering “Share with the national CHM”.</source>
        <translation>Это знания общины: нужно действующее согласие, покрывающее «Передача в национальный механизм посредничества».</translation>
    </message>
    <message>
        <source>The consent expired on {date}.</source>
        <translation>Согласие истекло {date}.</translation>
    </message>
    <message>
        <source>The consent was withdrawn on {date}.</source>
        <translation>Согласие отозвано {date}.</translation>
    </message>
    <message>
        <source>The current consent&apos;s scope is sealed: unlock a profile that may read this record to see whether it covers sharing with the CHM.</source>
        <translation>Объём действующего согласия запечатан: разблокируйте профиль, которому разрешено читать эту запись, чтобы узнать, разрешает ли оно передачу в Механизм посредничества.</translation>
    </message>
    <message>
        <source>The current consent does not cover sharing with the CHM (it allows: {scopes}).</source>
        <translation>Действующее согласие не покрывает передачу в механизм посредничества (оно разрешает: {scopes}).</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>ничего</translation>
    </message>
    <message>
        <source>The label {label} forbids sharing.</source>
        <translation>Метка {label} запрещает передачу.</translation>
    </message>
    <message>
        <source>It failed its integrity check ({problem}): it cannot be shared.</source>
        <translation>Запись не прошла проверку целостности ({problem}): ею нельзя поделиться.</translation>
    </message>
</context>
<context>
    <name>accessibility</name>
    <message>
        <source>More</source>
        <translation>Ещё</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>Выделить всё</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Очистить</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Demo library loaded: {count} records.</source>
        <translation>Демонстрационная библиотека загружена, записей: {count}.</translation>
    </message>
    <message>
        <source>Preparing the demo library…</source>
        <translation>Подготовка демонстрационной библиотеки…</translation>
    </message>
    <message>
        <source>Library upgraded; its previous state is kept in {path}</source>
        <translation>Библиотека обновлена; её прежнее состояние сохранено в {path}</translation>
    </message>
    <message>
        <source>Its rows are not signed yet: until a custodian unlocks the library, they are untrusted.</source>
        <translation>Её строки ещё не подписаны: пока хранитель не разблокирует библиотеку, им нельзя доверять.</translation>
    </message>
    <message>
        <source>consent</source>
        <translation>согласие</translation>
    </message>
    <message>
        <source>membership</source>
        <translation>членство</translation>
    </message>
    <message>
        <source>profile</source>
        <translation>профиль</translation>
    </message>
    <message>
        <source>audit log</source>
        <translation>журнал аудита</translation>
    </message>
    <message>
        <source>Warning: this library is older than when it was last opened here ({parts}). If no backup was restored, someone put an older copy in its place.</source>
        <translation>Внимание: эта библиотека старше, чем при последнем открытии здесь ({parts}). Если резервная копия не восстанавливалась, кто-то подменил её более старой копией.</translation>
    </message>
    <message>
        <source>kmdesk cannot open the library</source>
        <translation>kmdesk не может открыть библиотеку</translation>
    </message>
</context>
<context>
    <name>audit</name>
    <message>
        <source>File attached</source>
        <translation>Файл прикреплён</translation>
    </message>
    <message>
        <source>File removed</source>
        <translation>Файл удалён</translation>
    </message>
    <message>
        <source>Community added</source>
        <translation>Община добавлена</translation>
    </message>
    <message>
        <source>Consent recorded</source>
        <translation>Согласие записано</translation>
    </message>
    <message>
        <source>Consent withdrawn</source>
        <translation>Согласие отозвано</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <source>Hub labels imported</source>
        <translation>Метки Hub импортированы</translation>
    </message>
    <message>
        <source>Member added</source>
        <translation>Участник добавлен</translation>
    </message>
    <message>
        <source>Member removed</source>
        <translation>Участник удалён</translation>
    </message>
    <message>
        <source>Passphrase changed</source>
        <translation>Парольная фраза изменена</translation>
    </message>
    <message>
        <source>Profile created</source>
        <translation>Профиль создан</translation>
    </message>
    <message>
        <source>Protocol added</source>
        <translation>Протокол добавлен</translation>
    </message>
    <message>
        <source>Selected for sharing</source>
        <translation>Выбрано для передачи</translation>
    </message>
    <message>
        <source>Sharing stopped</source>
        <translation>Передача прекращена</translation>
    </message>
    <message>
        <source>Sync target added</source>
        <translation>Цель синхронизации добавлена</translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation>Разблокировано</translation>
    </message>
    <message>
        <source>Unlock refused</source>
        <translation>Разблокировка отклонена</translation>
    </message>
    <message>
        <source>Protected record read</source>
        <translation>Прочитана защищённая запись</translation>
    </message>
    <message>
        <source>Protected file opened</source>
        <translation>Открыт защищённый файл</translation>
    </message>
    <message>
        <source>Sent to the target</source>
        <translation>Отправлено в цель</translation>
    </message>
    <message>
        <source>Taken down from the target</source>
        <translation>Снято с цели</translation>
    </message>
    <message>
        <source>Refused by the target</source>
        <translation>Отклонено целью</translation>
    </message>
    <message>
        <source>Access changed</source>
        <translation>Доступ изменён</translation>
    </message>
    <message>
        <source>Consent attested</source>
        <translation>Согласие заверено</translation>
    </message>
    <message>
        <source>Consent imported</source>
        <translation>Согласие импортировано</translation>
    </message>
    <message>
        <source>Damaged text repaired</source>
        <translation>Повреждённый текст исправлен</translation>
    </message>
    <message>
        <source>Sync target changed</source>
        <translation>Цель синхронизации изменена</translation>
    </message>
    <message>
        <source>Sync target removed</source>
        <translation>Цель синхронизации удалена</translation>
    </message>
    <message>
        <source>Library file protection upgraded</source>
        <translation>Защита файла библиотеки обновлена</translation>
    </message>
    <message>
        <source>Joined a community hub</source>
        <translation>Подключено к общему серверу сообщества</translation>
    </message>
    <message>
        <source>Synced with the community hub</source>
        <translation>Синхронизировано с общим сервером сообщества</translation>
    </message>
    <message>
        <source>Restored from the trash</source>
        <translation>Восстановлена из корзины</translation>
    </message>
    <message>
        <source>Forgotten for good (trash emptied)</source>
        <translation>Забыта навсегда (корзина очищена)</translation>
    </message>
    <message>
        <source>Sync credentials (held by custodians)</source>
        <translation>Учётные данные синхронизации (у хранителей)</translation>
    </message>
    <message>
        <source>roles</source>
        <translation>роли</translation>
    </message>
    <message>
        <source>profile</source>
        <translation>профиль</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>вид</translation>
    </message>
    <message>
        <source>address</source>
        <translation>адрес</translation>
    </message>
    <message>
        <source>access</source>
        <translation>доступ</translation>
    </message>
    <message>
        <source>target</source>
        <translation>цель</translation>
    </message>
    <message>
        <source>to do</source>
        <translation>действие</translation>
    </message>
    <message>
        <source>count</source>
        <translation>количество</translation>
    </message>
    <message>
        <source>format</source>
        <translation>формат</translation>
    </message>
    <message>
        <source>records</source>
        <translation>записи</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>причина</translation>
    </message>
    <message>
        <source>name</source>
        <translation>имя</translation>
    </message>
    <message>
        <source>protocol</source>
        <translation>протокол</translation>
    </message>
    <message>
        <source>file</source>
        <translation>файл</translation>
    </message>
    <message>
        <source>scope</source>
        <translation>охват</translation>
    </message>
    <message>
        <source>files</source>
        <translation>файлы</translation>
    </message>
    <message>
        <source>a protected record</source>
        <translation>защищённая запись</translation>
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
        <translation>Удалить запись</translation>
    </message>
    <message>
        <source>Delete “{title}”?

The record goes to the trash, where it can be restored until the trash is emptied.</source>
        <translation>Удалить «{title}»?

Запись попадёт в корзину, откуда её можно восстановить, пока корзина не очищена.</translation>
    </message>
    <message>
        <source>This library is on a read-only medium: you can read and search it, not change it. Copy its folder to a writable place to change it.</source>
        <translation>Эта библиотека находится на носителе только для чтения: её можно читать и искать в ней, но не изменять. Чтобы изменить её, скопируйте её папку в место, доступное для записи.</translation>
    </message>
    <message>
        <source>It is no longer there: it may have been deleted or moved.</source>
        <translation>Этого больше нет: возможно, запись удалена или перемещена.</translation>
    </message>
    <message>
        <source>Some of what was entered cannot be saved as it is.</source>
        <translation>Часть введённого нельзя сохранить в таком виде.</translation>
    </message>
    <message>
        <source>This record comes from the CHM and is read-only here: the next pull brings its changes.</source>
        <translation>Эта запись получена из Механизма посредничества и здесь доступна только для чтения: следующая загрузка принесёт её изменения.</translation>
    </message>
    <message>
        <source>You do not have permission to do this.</source>
        <translation>У вас нет разрешения на это действие.</translation>
    </message>
    <message>
        <source>The library could not complete this change.</source>
        <translation>Библиотеке не удалось выполнить это изменение.</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was changed.</source>
        <translation>Отменено. Ничего не изменено.</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>Что-то пошло не так.</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Ошибка</translation>
    </message>
</context>
<context>
    <name>editor</name>
    <message>
        <source>Change {field}</source>
        <translation>Изменить: {field}</translation>
    </message>
    <message>
        <source>Add language {tag}</source>
        <translation>Добавить язык {tag}</translation>
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <source>row {row}</source>
        <translation>строка {row}</translation>
    </message>
    <message>
        <source>rows {row}–{last}</source>
        <translation>строки {row}–{last}</translation>
    </message>
    <message>
        <source>sheet “{sheet}” row {row}</source>
        <translation>лист «{sheet}», строка {row}</translation>
    </message>
    <message>
        <source>entry {entry} (line {line})</source>
        <translation>запись {entry} (строка {line})</translation>
    </message>
    <message>
        <source>entry {entry} “{key}” (line {line})</source>
        <translation>запись {entry} «{key}» (строка {line})</translation>
    </message>
    <message>
        <source>@string (line {line})</source>
        <translation>@string (строка {line})</translation>
    </message>
    <message>
        <source>line {line}</source>
        <translation>строка {line}</translation>
    </message>
    <message>
        <source>document {document}</source>
        <translation>документ {document}</translation>
    </message>
    <message>
        <source>document {document} ({identifier})</source>
        <translation>документ {document} ({identifier})</translation>
    </message>
    <message>
        <source>record {record}</source>
        <translation>запись {record}</translation>
    </message>
    <message>
        <source>sealed record {record}</source>
        <translation>запечатанная запись {record}</translation>
    </message>
    <message>
        <source>line {line}: not valid UTF-8 (byte 0x{byte} at character {at}); save the file as UTF-8</source>
        <translation>строка {line}: недопустимый UTF-8 (байт 0x{byte} в символе {at}); сохраните файл в UTF-8</translation>
    </message>
    <message>
        <source>not valid UTF-8 (byte 0x{byte} at character {at}); save the file as UTF-8</source>
        <translation>недопустимый UTF-8 (байт 0x{byte} в символе {at}); сохраните файл в UTF-8</translation>
    </message>
    <message>
        <source>expected {expected} cells, found {found} (a quote is probably left open)</source>
        <translation>ожидалось ячеек: {expected}, найдено: {found} (вероятно, не закрыта кавычка)</translation>
    </message>
    <message>
        <source>expected {expected} cells, found {found} (check the quotes and separators)</source>
        <translation>ожидалось ячеек: {expected}, найдено: {found} (проверьте кавычки и разделители)</translation>
    </message>
    <message>
        <source>not valid {encoding} (byte 0x{byte} at position {at}); save the file as UTF-8</source>
        <translation>недопустимая кодировка {encoding} (байт 0x{byte} в позиции {at}); сохраните файл в UTF-8</translation>
    </message>
    <message>
        <source>a line longer than {limit_mb} MB (the limit)</source>
        <translation>строка длиннее {limit_mb} МБ (предел)</translation>
    </message>
    <message>
        <source>cannot be read as CSV; check the quotes ({detail})</source>
        <translation>не читается как CSV; проверьте кавычки ({detail})</translation>
    </message>
    <message>
        <source>a cell cannot be read ({detail}); this row and the rest of the sheet were not read</source>
        <translation>не удаётся прочитать ячейку ({detail}); эта строка и остаток листа не прочитаны</translation>
    </message>
    <message>
        <source>{count} value(s) in columns without a name in row 1</source>
        <translation>значений в столбцах без названия в строке 1: {count}</translation>
    </message>
    <message>
        <source>the macro was refused and not defined ({detail})</source>
        <translation>макрос отклонён и не определён ({detail})</translation>
    </message>
    <message>
        <source>expected “@type{{key,” after “@”</source>
        <translation>после «@» ожидалось «@type{{key,»</translation>
    </message>
    <message>
        <source>the entry cannot be read and was skipped ({detail})</source>
        <translation>запись не читается и пропущена ({detail})</translation>
    </message>
    <message>
        <source>line {line}: the {tag} value is longer than {limit_kb} KB (the limit); the entry was not imported</source>
        <translation>строка {line}: значение {tag} длиннее {limit_kb} КБ (предел); запись не импортирована</translation>
    </message>
    <message>
        <source>no RIS entry found (an entry starts with “TY  - ”)</source>
        <translation>записи RIS не найдены (запись начинается с «TY  - »)</translation>
    </message>
    <message>
        <source>not a CHM resource document (its schema is “{schema}”)</source>
        <translation>не документ ресурса CHM (его схема — «{schema}»)</translation>
    </message>
    <message>
        <source>the document has an unexpected shape ({detail})</source>
        <translation>документ имеет неожиданную структуру ({detail})</translation>
    </message>
    <message>
        <source>sealed for transfer: give the archive passphrase to import it</source>
        <translation>запечатано для передачи: введите парольную фразу архива, чтобы импортировать</translation>
    </message>
    <message>
        <source>the sealed envelope has an unexpected shape</source>
        <translation>запечатанный конверт имеет неожиданную структуру</translation>
    </message>
    <message>
        <source>duplicate of {existing} (the same identifier)</source>
        <translation>дубликат {existing} (тот же идентификатор)</translation>
    </message>
    <message>
        <source>duplicate of {existing} (the same DOI {doi})</source>
        <translation>дубликат {existing} (тот же DOI {doi})</translation>
    </message>
    <message>
        <source>duplicate of {existing} (the same title and year)</source>
        <translation>дубликат {existing} (то же название и год)</translation>
    </message>
    <message>
        <source>duplicate of {existing} (a nearly identical title, the same year)</source>
        <translation>дубликат {existing} (почти то же название, тот же год)</translation>
    </message>
    <message>
        <source>{field} cannot be imported as it is ({detail})</source>
        <translation>«{field}» нельзя импортировать в таком виде ({detail})</translation>
    </message>
    <message>
        <source>would be merged into {existing}</source>
        <translation>будет объединено с {existing}</translation>
    </message>
    <message>
        <source>merged with {existing}</source>
        <translation>объединено с {existing}</translation>
    </message>
    <message>
        <source>a record with this identifier is already in the library</source>
        <translation>запись с этим идентификатором уже есть в библиотеке</translation>
    </message>
    <message>
        <source>the library refused it ({detail})</source>
        <translation>библиотека отклонила запись ({detail})</translation>
    </message>
    <message>
        <source>no ER line before the next entry (line {line})</source>
        <translation>нет строки ER перед следующей записью (строка {line})</translation>
    </message>
    <message>
        <source>text outside any entry ignored on line(s) {lines}</source>
        <translation>текст вне записей проигнорирован, строки: {lines}</translation>
    </message>
    <message>
        <source>unknown tag {tag} (line {line}) ignored</source>
        <translation>неизвестный тег {tag} (строка {line}) пропущен</translation>
    </message>
    <message>
        <source>the file ended without an ER line</source>
        <translation>файл закончился без строки ER</translation>
    </message>
</context>
<context>
    <name>lock_screen</name>
    <message>
        <source>Too short: at least 8 characters.</source>
        <translation>Слишком коротко: не менее 8 символов.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Надёжная.</translation>
    </message>
    <message>
        <source>Good. A few more words make it stronger.</source>
        <translation>Хорошо. Ещё несколько слов сделают её надёжнее.</translation>
    </message>
    <message>
        <source>Weak: use several words, 16 characters or more.</source>
        <translation>Слабая: используйте несколько слов, 16 символов или больше.</translation>
    </message>
</context>
<context>
    <name>match</name>
    <message>
        <source>both about {terms}</source>
        <translation>обе записи о: {terms}</translation>
    </message>
    <message>
        <source>same target {targets}</source>
        <translation>та же задача {targets}</translation>
    </message>
    <message>
        <source>same subject: {subjects}</source>
        <translation>та же тема: {subjects}</translation>
    </message>
    <message>
        <source>same country: {countries}</source>
        <translation>та же страна: {countries}</translation>
    </message>
    <message>
        <source>speaks {languages}</source>
        <translation>говорит на: {languages}</translation>
    </message>
    <message>
        <source>shares the words {words}</source>
        <translation>общие слова: {words}</translation>
    </message>
</context>
<context>
    <name>report</name>
    <message>
        <source>GBF report: target {number}</source>
        <translation>Отчёт по Рамочной программе: целевая задача {number}</translation>
    </message>
    <message>
        <source>GBF report</source>
        <translation>Отчёт по Рамочной программе</translation>
    </message>
    <message>
        <source>Target {number}: {title}</source>
        <translation>Целевая задача {number}: {title}</translation>
    </message>
    <message>
        <source>Shared with the CHM</source>
        <translation>Переданы в Механизм посредничества</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Ожидают отправки</translation>
    </message>
    <message>
        <source>Refused by the CHM</source>
        <translation>Отклонены Механизмом посредничества</translation>
    </message>
    <message>
        <source>Withdrawn from the CHM</source>
        <translation>Отозваны из Механизма посредничества</translation>
    </message>
    <message>
        <source>Consent valid</source>
        <translation>Согласие действует</translation>
    </message>
    <message>
        <source>Library {library}, {date}. {records} public records; {covered} of {targets} targets covered. Records that are not public are never part of this report.</source>
        <translation>Библиотека {library} ({date}). Общедоступных записей: {records}; охвачено целевых задач: {covered} из {targets}. Записи, не являющиеся общедоступными, никогда не включаются в этот отчёт.</translation>
    </message>
    <message>
        <source> · </source>
        <comment>separates a record&apos;s type, community and date</comment>
        <translation> · </translation>
    </message>
    <message>
        <source>Consent expiring within {days} days</source>
        <translation>Согласие истекает в течение {days} дней</translation>
    </message>
    <message>
        <source>Consent expired</source>
        <translation>Согласие истекло</translation>
    </message>
    <message>
        <source>Consent withdrawn</source>
        <translation>Согласие отозвано</translation>
    </message>
    <message>
        <source>Contributions of communities</source>
        <translation>Вклад общин</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>Страны</translation>
    </message>
    <message>
        <source>Sharing with the CHM</source>
        <translation>Передача в Механизм посредничества</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Согласие</translation>
    </message>
    <message>
        <source>Coverage per target</source>
        <translation>Охват по целевым задачам</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Целевая задача</translation>
    </message>
    <message>
        <source>Public records</source>
        <translation>Общедоступные записи</translation>
    </message>
    <message>
        <source>On the CHM:</source>
        <translation>В Механизме посредничества:</translation>
    </message>
    <message>
        <source>No public record covers this target yet.</source>
        <translation>Пока нет общедоступных записей по этой целевой задаче.</translation>
    </message>
    <message>
        <source>Reasons for refusals</source>
        <translation>Причины отказов</translation>
    </message>
    <message>
        <source>No font on this system draws {scripts}: the PDF would show empty boxes, so it was not written. Install fonts for it (e.g. {packages}) or write the report as HTML or Markdown.</source>
        <translation>Ни один шрифт в этой системе не отображает {scripts}: в PDF были бы пустые квадраты, поэтому он не записан. Установите шрифты для этого (например, {packages}) или сохраните отчёт в HTML или Markdown.</translation>
    </message>
</context>
<context>
    <name>trash</name>
    <message>
        <source>Empty trash</source>
        <translation>Очистить корзину</translation>
    </message>
    <message>
        <source>Forget every deleted record you may remove, with its files?

This cannot be undone.</source>
        <translation>Забыть все удалённые записи, которые вы можете убрать, вместе с файлами?

Это нельзя отменить.</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>edit of “{title}”</source>
        <translation>изменение «{title}»</translation>
    </message>
</context>
</TS>
