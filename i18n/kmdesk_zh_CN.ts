<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AccessEditor</name>
    <message>
        <source>Who may read this record</source>
        <translation>谁可以阅读此记录</translation>
    </message>
    <message>
        <source>The record&apos;s community (the same as on the Description page); a community record opens for its members.</source>
        <translation>记录所属的社区（与“描述”页相同）；社区记录向其成员开放。</translation>
    </message>
    <message>
        <source>Cultural protocols</source>
        <translation>文化规约</translation>
    </message>
    <message>
        <source>Members of all ticked protocols</source>
        <translation>所有勾选规约的成员</translation>
    </message>
    <message>
        <source>Members of any one of them</source>
        <translation>其中任一规约的成员</translation>
    </message>
    <message>
        <source>Custodians of this sacred record</source>
        <translation>此神圣记录的守护人</translation>
    </message>
    <message>
        <source>Local Contexts labels and notices</source>
        <translation>Local Contexts 标签与通知</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Protecting a record needs an unlocked profile that holds the community&apos;s or the protocols&apos; keys.</source>
        <translation>保护记录需要一个已解锁且持有社区或规约密钥的用户档案。</translation>
    </message>
    <message>
        <source>You are not a member of any cultural protocol you could apply.</source>
        <translation>您不是任何可应用的文化规约的成员。</translation>
    </message>
    <message>
        <source>You are not a member of this protocol, so it stays on the record as it is.</source>
        <translation>您不是此规约的成员，因此它原样保留在记录上。</translation>
    </message>
    <message>
        <source>Open protocol: anyone with a profile may read, members may edit.</source>
        <translation>开放规约：任何有用户档案的人都可阅读，成员可编辑。</translation>
    </message>
    <message>
        <source>Strict protocol: members only.</source>
        <translation>严格规约：仅限成员。</translation>
    </message>
    <message>
        <source>{code} · {name}</source>
        <translation>{code} · {name}</translation>
    </message>
    <message>
        <source>This label forbids sharing with the CHM.</source>
        <translation>此标签禁止与信息交换所机制共享。</translation>
    </message>
    <message>
        <source>{community} ({language}), Hub project {project}: {text}</source>
        <translation>{community}（{language}），Hub 项目 {project}：{text}</translation>
    </message>
</context>
<context>
    <name>ActionsController</name>
    <message>
        <source>&amp;New record…</source>
        <translation>新建记录(&amp;N)…</translation>
    </message>
    <message>
        <source>Create a record</source>
        <translation>创建记录</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Rebuild search index…</source>
        <translation>重建搜索索引(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Check index</source>
        <translation>检查索引(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit record…</source>
        <translation>编辑记录(&amp;E)…</translation>
    </message>
    <message>
        <source>Edit the selected record</source>
        <translation>编辑所选记录</translation>
    </message>
    <message>
        <source>&amp;Delete record…</source>
        <translation>删除记录(&amp;D)…</translation>
    </message>
    <message>
        <source>Delete the selected record</source>
        <translation>删除所选记录</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;About kmdesk</source>
        <translation>关于 kmdesk(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Search titles, texts, places, people…</source>
        <translation>搜索标题、正文、地点、人物…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Words to look for in titles, texts, places and people; the list shows what they find as you type (Ctrl+F comes here).</source>
        <translation>在标题、正文、地点和人物中查找的词语；边输入边在列表中显示结果（按 Ctrl+F 来到这里）。</translation>
    </message>
</context>
<context>
    <name>AddProfileDialog</name>
    <message>
        <source>Add a profile</source>
        <translation>添加用户档案</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>密码短语</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>再次输入密码短语</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation>请为用户档案命名。</translation>
    </message>
    <message>
        <source>The passphrase needs at least 8 characters.</source>
        <translation>密码短语至少需要 8 个字符。</translation>
    </message>
    <message>
        <source>The two passphrases differ; type them again.</source>
        <translation>两次输入的密码短语不一致，请重新输入。</translation>
    </message>
    <message>
        <source>Choose at least one role.</source>
        <translation>请至少选择一个角色。</translation>
    </message>
</context>
<context>
    <name>AddProtocolDialog</name>
    <message>
        <source>Add a cultural protocol</source>
        <translation>添加文化规约</translation>
    </message>
    <message>
        <source>e.g. Women&apos;s knowledge, clan X</source>
        <translation>例如：妇女的知识，X 氏族</translation>
    </message>
    <message>
        <source>(across communities)</source>
        <translation>（跨社区）</translation>
    </message>
    <message>
        <source>Strict: only members may see its records</source>
        <translation>严格：只有成员可以查看其记录</translation>
    </message>
    <message>
        <source>Open: anyone with a profile may see, members may edit</source>
        <translation>开放：任何有用户档案的人都可查看，成员可编辑</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
</context>
<context>
    <name>AttachmentsView</name>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>保存副本…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Sealed file (unlock to see its name)</source>
        <translation>已封存的文件（解锁后可见文件名）</translation>
    </message>
    <message>
        <source>{name} — {size} KB</source>
        <translation>{name} — {size} KB</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>附加文件</translation>
    </message>
    <message>
        <source>Storing {count} file(s)…</source>
        <translation>正在存储 {count} 个文件…</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>正在打开…</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>保存副本</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change the passphrase of {name}</source>
        <translation>更改 {name} 的密码短语</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>当前密码短语</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>新密码短语</translation>
    </message>
    <message>
        <source>New passphrase again</source>
        <translation>再次输入新密码短语</translation>
    </message>
    <message>
        <source>The new passphrase needs at least 8 characters.</source>
        <translation>新密码短语至少需要 8 个字符。</translation>
    </message>
    <message>
        <source>The two new passphrases differ; type them again.</source>
        <translation>两次输入的新密码短语不一致，请重新输入。</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Records in conflict</source>
        <translation>存在冲突的记录</translation>
    </message>
    <message>
        <source>These records were changed on two devices at once, in the same field. Both values are kept until you choose one; the other devices learn your choice at the next sync.</source>
        <translation>这些记录在两台设备上同时被修改，且修改的是同一字段。在您选择其一之前，两个值都会保留；其他设备会在下次同步时得知您的选择。</translation>
    </message>
    <message>
        <source>No records in conflict.</source>
        <translation>没有存在冲突的记录。</translation>
    </message>
    <message>
        <source>{title}: {field}</source>
        <translation>{title}：{field}</translation>
    </message>
    <message>
        <source>Sealed: unlock a profile that may read this record to see its values and choose.</source>
        <translation>已密封：请解锁可读取此记录的配置文件，以查看其值并作出选择。</translation>
    </message>
    <message>
        <source>This device</source>
        <translation>本设备</translation>
    </message>
    <message>
        <source>Device {id}</source>
        <translation>设备 {id}</translation>
    </message>
    <message>
        <source>Keep this value</source>
        <translation>保留此值</translation>
    </message>
    <message>
        <source>Keep the value from {who} for {field} of {title}</source>
        <translation>保留来自{who}的「{title}」的{field}值</translation>
    </message>
    <message>
        <source>deleted on one device, edited on another</source>
        <translation>在一台设备上被删除，在另一台上被编辑</translation>
    </message>
    <message>
        <source>Delete the record</source>
        <translation>删除该记录</translation>
    </message>
    <message>
        <source>Keep the record</source>
        <translation>保留该记录</translation>
    </message>
    <message>
        <source>Kept. The other devices learn your choice at the next sync.</source>
        <translation>已保留。其他设备会在下次同步时得知您的选择。</translation>
    </message>
</context>
<context>
    <name>ConsentPanel</name>
    <message>
        <source>Given</source>
        <translation>给予日期</translation>
    </message>
    <message>
        <source>Granted by</source>
        <translation>授予人</translation>
    </message>
    <message>
        <source>Allows</source>
        <translation>允许</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>同意记录</translation>
    </message>
    <message>
        <source>Record consent…</source>
        <translation>记录同意…</translation>
    </message>
    <message>
        <source>Withdraw consent…</source>
        <translation>撤回同意…</translation>
    </message>
    <message>
        <source>Select a record to see its consent.</source>
        <translation>选择一条记录以查看其同意情况。</translation>
    </message>
    <message>
        <source>(sealed)</source>
        <translation>（已密封）</translation>
    </message>
    <message>
        <source>For the community</source>
        <translation>代表社区</translation>
    </message>
    <message>
        <source>Community process</source>
        <translation>社区程序</translation>
    </message>
    <message>
        <source>Witnesses</source>
        <translation>见证人</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>接收方</translation>
    </message>
    <message>
        <source>Prior information</source>
        <translation>事先告知</translation>
    </message>
    <message>
        <source>Informed in (language)</source>
        <translation>告知所用语言</translation>
    </message>
    <message>
        <source>Informed how</source>
        <translation>告知方式</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>记录时间</translation>
    </message>
    <message>
        <source>Withdrawn by</source>
        <translation>撤回人</translation>
    </message>
    <message>
        <source>Reason for withdrawal</source>
        <translation>撤回原因</translation>
    </message>
    <message>
        <source>Recording and withdrawing consent needs an unlocked custodian profile.</source>
        <translation>记录和撤回同意需要已解锁的守护人档案。</translation>
    </message>
</context>
<context>
    <name>CreatorsPage</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Creators and knowledge holders</source>
        <translation>创作者和知识持有人</translation>
    </message>
    <message>
        <source>Add creator</source>
        <translation>添加创作者</translation>
    </message>
    <message>
        <source>Remove creator</source>
        <translation>移除创作者</translation>
    </message>
</context>
<context>
    <name>CustodianView</name>
    <message>
        <source>Custodian&apos;s view</source>
        <translation>守护人视图</translation>
    </message>
    <message>
        <source>Protocols and members</source>
        <translation>规约与成员</translation>
    </message>
    <message>
        <source>Communities</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>用户档案</translation>
    </message>
    <message>
        <source>Local Contexts</source>
        <translation>Local Contexts</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>规约</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Key version</source>
        <translation>密钥版本</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Add protocol…</source>
        <translation>添加规约…</translation>
    </message>
    <message>
        <source>Add member…</source>
        <translation>添加成员…</translation>
    </message>
    <message>
        <source>Remove member…</source>
        <translation>移除成员…</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Add community…</source>
        <translation>添加社区…</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>用户档案</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Protocols</source>
        <translation>规约</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Add profile…</source>
        <translation>添加用户档案…</translation>
    </message>
    <message>
        <source>Change my passphrase…</source>
        <translation>更改我的密码短语…</translation>
    </message>
    <message>
        <source>Hub project</source>
        <translation>Hub 项目</translation>
    </message>
    <message>
        <source>Project id</source>
        <translation>项目编号</translation>
    </message>
    <message>
        <source>Labels and notices</source>
        <translation>标签与通知</translation>
    </message>
    <message>
        <source>Cached</source>
        <translation>已缓存</translation>
    </message>
    <message>
        <source>Import Hub project from file…</source>
        <translation>从文件导入 Hub 项目…</translation>
    </message>
    <message>
        <source>A Local Contexts Hub project (API v2 JSON) brings the community&apos;s own wording and language for its labels; it is kept here for offline use.</source>
        <translation>Local Contexts Hub 项目（API v2 JSON）带来社区自己的标签措辞和语言；它保存在本地以供离线使用。</translation>
    </message>
    <message>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation>验证链</translation>
    </message>
    <message>
        <source>strict</source>
        <translation>严格</translation>
    </message>
    <message>
        <source>open</source>
        <translation>开放</translation>
    </message>
    <message>
        <source>{name} (untrusted)</source>
        <translation>{name}（不可信）</translation>
    </message>
    <message>
        <source>Members of {protocol}</source>
        <translation>{protocol} 的成员</translation>
    </message>
    <message>
        <source>Add a community</source>
        <translation>添加社区</translation>
    </message>
    <message>
        <source>Name of the community:</source>
        <translation>社区名称：</translation>
    </message>
    <message>
        <source>Its country (two-letter code, e.g. pe), or leave empty:</source>
        <translation>所在国家（两个字母的代码，例如 pe），或留空：</translation>
    </message>
    <message>
        <source>Community {name} added.</source>
        <translation>已添加社区 {name}。</translation>
    </message>
    <message>
        <source>Protocol {name} added.</source>
        <translation>已添加规约 {name}。</translation>
    </message>
    <message>
        <source>Add member</source>
        <translation>添加成员</translation>
    </message>
    <message>
        <source>Every profile is already a member of {protocol}.</source>
        <translation>所有用户档案都已是 {protocol} 的成员。</translation>
    </message>
    <message>
        <source>Give the key of {protocol} to:</source>
        <translation>将 {protocol} 的密钥交给：</translation>
    </message>
    <message>
        <source>{profile} is now a member of {protocol}.</source>
        <translation>{profile} 现在是 {protocol} 的成员。</translation>
    </message>
    <message>
        <source>Remove member</source>
        <translation>移除成员</translation>
    </message>
    <message>
        <source>Remove {profile} from {protocol}?

The protocol gets a new key and its {count} record(s) are re-sealed with it, so the key {profile} held opens nothing written from now on. This can take a while.</source>
        <translation>要将 {profile} 从 {protocol} 中移除吗？

该规约将获得新密钥，其 {count} 条记录将用新密钥重新封存，因此 {profile} 持有的密钥将无法打开此后写入的任何内容。这可能需要一些时间。</translation>
    </message>
    <message>
        <source>What {profile} already synced or copied stays readable to them: removal stops new keys, it cannot take back what they hold.</source>
        <translation>{profile} 已同步或复制的内容对其仍然可读：移除只会停止发放新密钥，无法收回其已持有的内容。</translation>
    </message>
    <message>
        <source>{profile} removed from {protocol}; the key was rotated and {count} record(s) re-sealed.</source>
        <translation>已将 {profile} 从 {protocol} 中移除；密钥已轮换，{count} 条记录已重新封存。</translation>
    </message>
    <message>
        <source>Hub project {title} imported.</source>
        <translation>已导入 Hub 项目 {title}。</translation>
    </message>
    <message>
        <source>Rotating the key of {protocol}…</source>
        <translation>正在轮换 {protocol} 的密钥…</translation>
    </message>
    <message>
        <source>Profile {name} added.</source>
        <translation>已添加用户档案 {name}。</translation>
    </message>
    <message>
        <source>Creating {name}…</source>
        <translation>正在创建 {name}…</translation>
    </message>
    <message>
        <source>Import a Local Contexts Hub project</source>
        <translation>导入 Local Contexts Hub 项目</translation>
    </message>
    <message>
        <source>Hub project (*.json);;All files (*)</source>
        <translation>Hub 项目 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The audit log is intact: {count} events, none changed or removed.</source>
        <translation>审计日志完好：共 {count} 个事件，无一被更改或删除。</translation>
    </message>
    <message>
        <source>The audit log was tampered with at event {seq}: {problem}</source>
        <translation>审计日志在第 {seq} 个事件处被篡改：{problem}</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Dashboard — kmdesk</source>
        <translation>仪表板 — kmdesk</translation>
    </message>
    <message>
        <source>GBF goals</source>
        <translation>框架长期目标</translation>
    </message>
    <message>
        <source>GBF targets</source>
        <translation>框架行动目标</translation>
    </message>
    <message>
        <source>Types</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Communities</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Records by year</source>
        <translation>按年份的记录</translation>
    </message>
    <message>
        <source>Sharing with the CHM</source>
        <translation>与信息交换所机制共享</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>已共享</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>等待发送</translation>
    </message>
    <message>
        <source>Refused by the CHM</source>
        <translation>被信息交换所机制拒绝</translation>
    </message>
    <message>
        <source>Withdrawn from the CHM</source>
        <translation>已从信息交换所机制撤回</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Expiring within {days} days</source>
        <translation>{days}天内到期</translation>
    </message>
    <message>
        <source>{records} records counted (sacred records never are) · {covered} of {targets} GBF targets covered</source>
        <translation>已统计 {records} 条记录（神圣记录从不计入）· {targets} 个行动目标中覆盖 {covered} 个</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>The dashboard could not be computed: {reason}</source>
        <translation>无法计算仪表板：{reason}</translation>
    </message>
    <message>
        <source>Refused: {reason} ({count})</source>
        <translation>被拒绝：{reason}（{count}）</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>未说明原因</translation>
    </message>
    <message>
        <source>Not counted: {count} records failed their integrity check ({ids})</source>
        <translation>未计入：{count} 条记录未通过完整性检查（{ids}）</translation>
    </message>
    <message>
        <source>Goal {code} · {title}</source>
        <translation>长期目标 {code} · {title}</translation>
    </message>
    <message>
        <source>{number} · {title}</source>
        <translation>{number} · {title}</translation>
    </message>
    <message>
        <source>Target {number}: {title}</source>
        <translation>行动目标 {number}：{title}</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>{chart}: {value}</source>
        <translation>{chart}：{value}</translation>
    </message>
</context>
<context>
    <name>DescriptionPage</name>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>separated by commas</source>
        <translation>用逗号分隔</translation>
    </message>
    <message>
        <source>YYYY, YYYY-MM or YYYY-MM-DD</source>
        <translation>YYYY、YYYY-MM 或 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>https://…</source>
        <translation>https://…</translation>
    </message>
    <message>
        <source>language tags, e.g. quz, es</source>
        <translation>语言标记，例如 quz, es</translation>
    </message>
    <message>
        <source>two-letter codes, e.g. pe, bo</source>
        <translation>两个字母的代码，例如 pe, bo</translation>
    </message>
    <message>
        <source>separated by commas; coordinates after @, e.g. Cusco @ -13.53 -71.97</source>
        <translation>以逗号分隔；坐标写在 @ 之后，例如 Cusco @ -13.53 -71.97</translation>
    </message>
    <message>
        <source>A place may carry its latitude and longitude in decimal degrees after an @ (south and west negative): it then appears as a dot on the map.</source>
        <translation>地点可在 @ 之后写上以十进制度表示的纬度和经度（南纬和西经为负）：这样它就会在地图上显示为圆点。</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Kind of resource</source>
        <translation>资源类别</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>关键词</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>地点</translation>
    </message>
</context>
<context>
    <name>DirectoryView</name>
    <message>
        <source>Practitioner directory</source>
        <translation>从业者名录</translation>
    </message>
    <message>
        <source>Any expertise</source>
        <translation>任何专长</translation>
    </message>
    <message>
        <source>Target {number} · {title}</source>
        <translation>目标 {number} · {title}</translation>
    </message>
    <message>
        <source>e.g. es, quz</source>
        <translation>例如 es, quz</translation>
    </message>
    <message>
        <source>e.g. pe, bo</source>
        <translation>例如 pe, bo</translation>
    </message>
    <message>
        <source>Expertise</source>
        <translation>专长</translation>
    </message>
    <message>
        <source>Speaks</source>
        <translation>使用语言</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Export vCards…</source>
        <translation>导出 vCard…</translation>
    </message>
    <message>
        <source>Looking…</source>
        <translation>正在查找…</translation>
    </message>
    <message>
        <source>not listed (no consent to show contacts)</source>
        <translation>未列入（未同意显示联系方式）</translation>
    </message>
    <message>
        <source>{contacts} (listed with the consent of {who}, {day})</source>
        <translation>{contacts}（经 {who} 同意列入，{day}）</translation>
    </message>
    <message>
        <source>{contacts} (listed with consent)</source>
        <translation>{contacts}（经同意列入）</translation>
    </message>
    <message>
        <source>{title} (from the CHM)</source>
        <translation>{title}（来自信息交换所机制）</translation>
    </message>
    <message>
        <source>{count} people and organizations, {listed} listed with their consent.</source>
        <translation>{count} 个人和组织，其中 {listed} 个经同意列入。</translation>
    </message>
    <message>
        <source>Export vCards</source>
        <translation>导出 vCard</translation>
    </message>
    <message>
        <source>vCard files (*.vcf)</source>
        <translation>vCard 文件 (*.vcf)</translation>
    </message>
    <message>
        <source>{written} vCards written; {left} not listed or not public, left out.</source>
        <translation>已写入 {written} 张 vCard；{left} 个未列入或非公开，已略去。</translation>
    </message>
</context>
<context>
    <name>FacetPanel</name>
    <message>
        <source>Filters</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Values of the records found, with how many have each; tick one (Space) to list only those records.</source>
        <translation>找到的记录中的各个值及其记录数；勾选一个值（空格键）即只列出这些记录。</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Deleted records: open the trash to restore them or forget them for good.</source>
        <translation>已删除的记录：打开回收站以恢复或永久清除它们。</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>Trash ({count})</source>
        <translation>回收站（{count}）</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Kind of resource</source>
        <translation>资源类别</translation>
    </message>
    <message>
        <source>GBF targets</source>
        <translation>框架行动目标</translation>
    </message>
    <message>
        <source>GBF goals</source>
        <translation>框架长期目标</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>访问</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>Integrity</source>
        <translation>完整性</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>馆藏</translation>
    </message>
    <message>
        <source>{number} · {title}</source>
        <translation>{number} · {title}</translation>
    </message>
    <message>
        <source>Goal {code} · {title}</source>
        <translation>长期目标 {code} · {title}</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>已损坏</translation>
    </message>
    <message>
        <source>From the CHM</source>
        <translation>来自信息交换所机制</translation>
    </message>
    <message>
        <source>This library</source>
        <translation>本库</translation>
    </message>
    <message>
        <source>No consent recorded</source>
        <translation>未记录同意</translation>
    </message>
    <message>
        <source>Not needed</source>
        <translation>无需同意</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
</context>
<context>
    <name>FilesController</name>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Records (*.csv *.tsv *.xlsx *.ris *.bib *.json *.kmd);;Spreadsheets (*.csv *.tsv *.xlsx);;References (*.ris *.bib);;CHM documents or kmdesk library (*.json);;kmdesk archive (*.kmd);;All files (*)</source>
        <translation>记录 (*.csv *.tsv *.xlsx *.ris *.bib *.json *.kmd);;电子表格 (*.csv *.tsv *.xlsx);;参考文献 (*.ris *.bib);;信息交换所文档或 kmdesk 资料库 (*.json);;kmdesk 归档 (*.kmd);;所有文件 (*)</translation>
    </message>
    <message>
        <source>An import is running: start the next one when it is done (or cancel it in the status bar).</source>
        <translation>正在导入：请在完成后再开始下一次导入（或在状态栏中取消）。</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <source>Imported: {imported}
Already in the library (skipped): {skipped}
Not imported because of errors: {errors}</source>
        <translation>已导入：{imported}
已在资料库中（已跳过）：{skipped}
因错误未导入：{errors}</translation>
    </message>
    <message>
        <source>kmdesk library (*.json)</source>
        <translation>kmdesk 资料库 (*.json)</translation>
    </message>
    <message>
        <source>kmdesk archive with files (*.kmd)</source>
        <translation>含文件的 kmdesk 归档 (*.kmd)</translation>
    </message>
    <message>
        <source>CSV spreadsheet (*.csv)</source>
        <translation>CSV 电子表格 (*.csv)</translation>
    </message>
    <message>
        <source>RIS references (*.ris)</source>
        <translation>RIS 参考文献 (*.ris)</translation>
    </message>
    <message>
        <source>BibTeX (*.bib)</source>
        <translation>BibTeX (*.bib)</translation>
    </message>
    <message>
        <source>CHM resource documents (*.json)</source>
        <translation>信息交换所资源文档 (*.json)</translation>
    </message>
    <message>
        <source>Dublin Core XML (*.xml)</source>
        <translation>Dublin Core XML (*.xml)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>导出完成</translation>
    </message>
    <message>
        <source>{count} public records written to {path}.
Records that are not public stay in this library.</source>
        <translation>已将 {count} 条公开记录写入 {path}。
非公开记录保留在此资料库中。</translation>
    </message>
    <message>
        <source>Exporting to {name}…</source>
        <translation>正在导出到 {name}…</translation>
    </message>
</context>
<context>
    <name>FirstCustodianDialog</name>
    <message>
        <source>Protect this library</source>
        <translation>保护此资料库</translation>
    </message>
    <message>
        <source>The first profile is the library&apos;s custodian: the person who decides, with the community, who may read what. Restricted knowledge is encrypted with keys that only the passphrase opens, so keep it safe: nobody can recover a forgotten passphrase.</source>
        <translation>第一个用户档案是资料库的守护人：由其与社区共同决定谁可以阅读什么。受限知识使用只有密码短语才能打开的密钥加密，请妥善保管：忘记的密码短语任何人都无法找回。</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>密码短语</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>再次输入密码短语</translation>
    </message>
    <message>
        <source>Create custodian</source>
        <translation>创建守护人</translation>
    </message>
    <message>
        <source>Give the custodian a name.</source>
        <translation>请为守护人命名。</translation>
    </message>
    <message>
        <source>The passphrase needs at least 8 characters.</source>
        <translation>密码短语至少需要 8 个字符。</translation>
    </message>
    <message>
        <source>The two passphrases differ; type them again.</source>
        <translation>两次输入的密码短语不一致，请重新输入。</translation>
    </message>
</context>
<context>
    <name>GbfPage</name>
    <message>
        <source>Goals</source>
        <translation>长期目标</translation>
    </message>
    <message>
        <source>Goal {code}: {title}</source>
        <translation>长期目标 {code}：{title}</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>行动目标</translation>
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
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>更改内容</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>已创建</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>已编辑</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>Restored from the trash</source>
        <translation>已从回收站恢复</translation>
    </message>
    <message>
        <source>Withheld: only those the record&apos;s access admits may read this value.</source>
        <translation>已隐去：只有该记录的访问设置所允许的人才能读取此值。</translation>
    </message>
    <message>
        <source>(withheld)</source>
        <translation>（已隐去）</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Kind of resource</source>
        <translation>资源类别</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>关键词</translation>
    </message>
    <message>
        <source>GBF goals</source>
        <translation>框架长期目标</translation>
    </message>
    <message>
        <source>GBF targets</source>
        <translation>框架行动目标</translation>
    </message>
    <message>
        <source>CBD subjects</source>
        <translation>《生物多样性公约》主题</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Creators</source>
        <translation>创作者</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>Identifiers</source>
        <translation>标识符</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>访问</translation>
    </message>
</context>
<context>
    <name>HubController</name>
    <message>
        <source>&amp;Sync with the hub now</source>
        <translation>立即与中心同步(&amp;S)</translation>
    </message>
    <message>
        <source>Send this library&apos;s changes to the hub and receive the other devices&apos; (Ctrl+Shift+S)</source>
        <translation>将本资料库的更改发送到中心，并接收其他设备的更改 (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Records in &amp;conflict…</source>
        <translation>存在冲突的记录(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Refused changes…</source>
        <translation>被拒绝的更改(&amp;R)…</translation>
    </message>
    <message>
        <source>Sync &amp;automatically every…</source>
        <translation>自动同步间隔(&amp;A)…</translation>
    </message>
    <message>
        <source>H&amp;ub</source>
        <translation>中心(&amp;U)</translation>
    </message>
    <message>
        <source>Sync automatically</source>
        <translation>自动同步</translation>
    </message>
    <message>
        <source>Sync with the hub every this many minutes while a profile is unlocked (0: only when asked):</source>
        <translation>在配置文件解锁期间，每隔多少分钟与中心同步一次（0：仅在要求时）：</translation>
    </message>
    <message>
        <source>A sync with the hub is already running.</source>
        <translation>与中心的同步已在进行中。</translation>
    </message>
    <message>
        <source>Unlock a profile to sync with the hub: its key signs this device&apos;s changes.</source>
        <translation>请解锁一个配置文件以与中心同步：其密钥为本设备的更改签名。</translation>
    </message>
    <message>
        <source>Sync stopped: what was sent or received stays; the next sync goes on from there.</source>
        <translation>同步已停止：已发送或已接收的内容保留；下次同步将从此处继续。</translation>
    </message>
    <message>
        <source>Hub unreachable</source>
        <translation>无法连接中心</translation>
    </message>
    <message>
        <source>The hub cannot be reached, so nothing was synced. You can keep working: nothing was lost, and this library&apos;s changes wait here until the next sync.</source>
        <translation>无法连接中心，因此没有同步任何内容。您可以继续工作：没有丢失任何内容，本资料库的更改会在此等待下次同步。</translation>
    </message>
    <message>
        <source>Sync with the hub</source>
        <translation>与中心同步</translation>
    </message>
    <message>
        <source>Changes sent: {sent}. Changes received from other devices: {received}.</source>
        <translation>已发送更改：{sent}。从其他设备接收的更改：{received}。</translation>
    </message>
    <message>
        <source>Records now in conflict, waiting for you to choose (Hub › Records in conflict…):</source>
        <translation>现在存在冲突、等待您选择的记录（中心 › 存在冲突的记录…）：</translation>
    </message>
    <message>
        <source>Changes refused and quarantined (not applied here):</source>
        <translation>被拒绝并隔离的更改（未在此应用）：</translation>
    </message>
    <message>
        <source>Not sent:</source>
        <translation>未发送：</translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation>警告：</translation>
    </message>
    <message>
        <source>Records to take down from {target}, where their consent or access no longer lets them stay (sent at the next sync with it, in the Sync panel): {count}.</source>
        <translation>需要从 {target} 撤下的记录（其同意或访问级别已不再允许保留；在同步面板中下次与其同步时发送）：{count}。</translation>
    </message>
    <message>
        <source>Synced with the hub</source>
        <translation>已与中心同步</translation>
    </message>
    <message>
        <source>Synced with the hub. {outcome}</source>
        <translation>已与中心同步。{outcome}</translation>
    </message>
    <message>
        <source>Removed from a protocol</source>
        <translation>已被移出协议</translation>
    </message>
    <message>
        <source>A custodian removed {name} from {protocols}.

You receive no new keys for it: what is written or changed in it from now on does not open for you.

What you already synced is not taken from you: copies you kept of it (exports, backups) stay readable to you. In this library it is now sealed under the protocol&apos;s new key.</source>
        <translation>一位保管人已将 {name} 移出 {protocols}。

您不会再收到它的新密钥：从现在起在其中写入或修改的内容不会为您打开。

您已同步的内容不会被收回：您保留的副本（导出文件、备份）对您仍然可读。在本资料库中，它现在已用该协议的新密钥密封。</translation>
    </message>
    <message>
        <source>Hub change {seq}: {kind} {key} from device {device}: {reason}</source>
        <translation>中心更改 {seq}：来自设备 {device} 的 {kind} {key}：{reason}</translation>
    </message>
    <message>
        <source>Refused changes</source>
        <translation>被拒绝的更改</translation>
    </message>
    <message>
        <source>No change from the hub was refused.</source>
        <translation>没有来自中心的更改被拒绝。</translation>
    </message>
</context>
<context>
    <name>HubProgress</name>
    <message>
        <source>Syncing with the hub…</source>
        <translation>正在与中心同步…</translation>
    </message>
    <message>
        <source>Stop the sync: what was sent or received stays; the next sync goes on from there.</source>
        <translation>停止同步：已发送或已接收的内容保留；下次同步将从此处继续。</translation>
    </message>
    <message>
        <source>Stop the sync with the hub</source>
        <translation>停止与中心同步</translation>
    </message>
    <message>
        <source>{done} of {total} changes received</source>
        <translation>已接收 {done} / {total} 项更改</translation>
    </message>
</context>
<context>
    <name>HubStatusButton</name>
    <message>
        <source>Hub: synced</source>
        <translation>中心：已同步</translation>
    </message>
    <message>
        <source>Hub: syncing…</source>
        <translation>中心：正在同步…</translation>
    </message>
    <message>
        <source>Hub: offline</source>
        <translation>中心：离线</translation>
    </message>
    <message>
        <source>Hub: sync failed</source>
        <translation>中心：同步失败</translation>
    </message>
    <message>
        <source>Hub: {count} waiting for you</source>
        <translation>中心：{count} 项等待您处理</translation>
    </message>
    <message>
        <source>Hub: {url}</source>
        <translation>中心：{url}</translation>
    </message>
    <message>
        <source>Last sync: {when} ({ago})</source>
        <translation>上次同步：{when}（{ago}）</translation>
    </message>
    <message>
        <source>Last sync: never</source>
        <translation>上次同步：从未</translation>
    </message>
    <message>
        <source>Reachable; this library is up to date with it.</source>
        <translation>可连接；本资料库已与其保持同步。</translation>
    </message>
    <message>
        <source>Sending this library&apos;s changes and receiving the others&apos;…</source>
        <translation>正在发送本资料库的更改并接收其他设备的更改…</translation>
    </message>
    <message>
        <source>The hub cannot be reached. You can keep working: changes wait here and go at the next sync.</source>
        <translation>无法连接中心。您可以继续工作：更改会在此等待，并在下次同步时发送。</translation>
    </message>
    <message>
        <source>The last sync failed: {error}</source>
        <translation>上次同步失败：{error}</translation>
    </message>
    <message>
        <source>Reachable; something waits for a person to look at it.</source>
        <translation>可连接；有内容等待人工查看。</translation>
    </message>
    <message>
        <source>Changes waiting here to be sent: {count}</source>
        <translation>在此等待发送的更改：{count}</translation>
    </message>
    <message>
        <source>Records in conflict, waiting for you to choose: {count}</source>
        <translation>存在冲突、等待您选择的记录：{count}</translation>
    </message>
    <message>
        <source>Changes from the hub refused and quarantined: {count}</source>
        <translation>来自中心、被拒绝并隔离的更改：{count}</translation>
    </message>
    <message>
        <source>Click to sync now.</source>
        <translation>点击立即同步。</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>刚刚</translation>
    </message>
    <message>
        <source>{count} min ago</source>
        <translation>{count} 分钟前</translation>
    </message>
    <message>
        <source>{count} h ago</source>
        <translation>{count} 小时前</translation>
    </message>
    <message>
        <source>{count} d ago</source>
        <translation>{count} 天前</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import {name}</source>
        <translation>导入 {name}</translation>
    </message>
    <message>
        <source>Skip it</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Merge it into the existing record</source>
        <translation>合并到现有记录</translation>
    </message>
    <message>
        <source>Keep both</source>
        <translation>两者都保留</translation>
    </message>
    <message>
        <source>Language of text columns that do not name one (BCP 47, e.g. en, es, fr)</source>
        <translation>未注明语言的文本列所用语言（BCP 47，例如 en、es、fr）</translation>
    </message>
    <message>
        <source>The passphrase the custodian sealed the archive&apos;s restricted records with</source>
        <translation>守护人用于封存归档中受限记录的密码短语</translation>
    </message>
    <message>
        <source>When a row duplicates a record:</source>
        <translation>当某行与记录重复时：</translation>
    </message>
    <message>
        <source>Language of the text:</source>
        <translation>文本语言：</translation>
    </message>
    <message>
        <source>Archive passphrase (sealed records):</source>
        <translation>归档密码短语（已封存记录）：</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>正在读取 {name}…</translation>
    </message>
    <message>
        <source>Becomes</source>
        <translation>对应为</translation>
    </message>
    <message>
        <source>{format} file: the first {count} rows as they would be imported ({errors} with problems). Choose the field each column goes to.</source>
        <translation>{format} 文件：按导入方式显示的前 {count} 行（{errors} 行有问题）。请为每一列选择对应的字段。</translation>
    </message>
    <message>
        <source>(ignore this column)</source>
        <translation>（忽略此列）</translation>
    </message>
    <message>
        <source>Identifier (UUID)</source>
        <translation>标识符 (UUID)</translation>
    </message>
    <message>
        <source>Record type</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>Resource kind</source>
        <translation>资源类别</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Full text</source>
        <translation>全文</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>Access level</source>
        <translation>访问级别</translation>
    </message>
    <message>
        <source>Cultural protocols</source>
        <translation>文化规约</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>关键词</translation>
    </message>
    <message>
        <source>CBD subjects</source>
        <translation>《生物多样性公约》主题</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Local Contexts labels</source>
        <translation>Local Contexts 标签</translation>
    </message>
    <message>
        <source>GBF goals</source>
        <translation>框架长期目标</translation>
    </message>
    <message>
        <source>GBF targets</source>
        <translation>框架行动目标</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>标识符</translation>
    </message>
    <message>
        <source>{field} ({detail})</source>
        <translation>{field}（{detail}）</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>已合并</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>not imported</source>
        <translation>未导入</translation>
    </message>
    <message>
        <source>Imported: {imported} · merged: {merged} · skipped: {skipped} · not imported: {errors}</source>
        <translation>已导入：{imported} · 已合并：{merged} · 已跳过：{skipped} · 未导入：{errors}</translation>
    </message>
</context>
<context>
    <name>ImportProgress</name>
    <message>
        <source>Stop the import; nothing of it is kept.</source>
        <translation>停止导入；不会保留任何导入内容。</translation>
    </message>
    <message>
        <source>You can search and read meanwhile; changes you save wait until the import is done.</source>
        <translation>在此期间您可以搜索和阅读；您保存的更改将等到导入完成后写入。</translation>
    </message>
    <message>
        <source>Importing {name}…</source>
        <translation>正在导入 {name}…</translation>
    </message>
    <message>
        <source>{done} of {total} records imported</source>
        <translation>已导入 {done} / {total} 条记录</translation>
    </message>
</context>
<context>
    <name>IndexCatchUp</name>
    <message>
        <source>Indexing the library for search…</source>
        <translation>正在为搜索建立资料库索引…</translation>
    </message>
    <message>
        <source>Stop indexing; it resumes the next time this library opens.</source>
        <translation>停止建立索引；下次打开此资料库时将继续。</translation>
    </message>
    <message>
        <source>{done} of {total} records indexed</source>
        <translation>已索引 {done} / {total} 条记录</translation>
    </message>
</context>
<context>
    <name>IndexController</name>
    <message>
        <source>Indexing stopped: records not indexed yet are not found by a search. Indexing resumes the next time this library opens.</source>
        <translation>索引已停止：尚未索引的记录无法被搜索到。下次打开此资料库时将继续建立索引。</translation>
    </message>
    <message>
        <source>Search index rebuilt ({count} records).</source>
        <translation>搜索索引已重建（{count} 条记录）。</translation>
    </message>
    <message>
        <source>Rebuilding the search index…</source>
        <translation>正在重建搜索索引…</translation>
    </message>
    <message>
        <source>Search index</source>
        <translation>搜索索引</translation>
    </message>
    <message>
        <source>The search index matches the library.</source>
        <translation>搜索索引与资料库一致。</translation>
    </message>
    <message>
        <source>The search index does not match the library.
Missing: {missing}
Out of date: {stale}
No longer in the library: {orphans}

Use File › Rebuild search index… to repair it.</source>
        <translation>搜索索引与资料库不一致。
缺失：{missing}
过期：{stale}
已不在资料库中：{orphans}

请使用“文件 › 重建搜索索引…”进行修复。</translation>
    </message>
    <message>
        <source>Checking the search index…</source>
        <translation>正在检查搜索索引…</translation>
    </message>
</context>
<context>
    <name>InsightsController</name>
    <message>
        <source>&amp;Dashboard</source>
        <translation>仪表板(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Map</source>
        <translation>地图(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Report…</source>
        <translation>报告(&amp;R)…</translation>
    </message>
    <message>
        <source>Showing {what} · &lt;a href=&quot;all&quot;&gt;show all records&lt;/a&gt;</source>
        <translation>正在显示 {what} · &lt;a href=&quot;all&quot;&gt;显示全部记录&lt;/a&gt;</translation>
    </message>
</context>
<context>
    <name>IntegrityStatus</name>
    <message>
        <source>rows that failed their integrity check (changed outside kmdesk): {count}</source>
        <translation>未通过完整性检查的行（在 kmdesk 之外被修改）：{count}</translation>
    </message>
    <message>
        <source>the library is older than when it was last opened here</source>
        <translation>此资料库比上次在此打开时更旧</translation>
    </message>
    <message>
        <source>its rows are not signed yet</source>
        <translation>其行尚未签名</translation>
    </message>
    <message>
        <source>Integrity warning: {parts}</source>
        <translation>完整性警告：{parts}</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>详细信息…</translation>
    </message>
    <message>
        <source>Integrity problems: details</source>
        <translation>完整性问题：详细信息</translation>
    </message>
    <message>
        <source>Went back: {what}</source>
        <translation>已回退：{what}</translation>
    </message>
    <message>
        <source>Rows not signed yet: until a custodian unlocks the library, they are untrusted.</source>
        <translation>行尚未签名：在保管人解锁资料库之前，它们不受信任。</translation>
    </message>
    <message>
        <source>Integrity problems</source>
        <translation>完整性问题</translation>
    </message>
    <message>
        <source>kmdesk found rows it cannot trust. They are never used: a record that fails is quarantined, a consent that fails does not count, nothing that fails is shared. Restore the library from a backup or ask a custodian; &quot;kmdesk check&quot; lists the same problems.</source>
        <translation>kmdesk 发现了无法信任的行。它们从不被使用：未通过检查的记录被隔离，未通过检查的同意不计入，任何未通过检查的内容都不会被共享。请从备份恢复资料库或询问保管人；“kmdesk check”会列出相同的问题。</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <source>Restricted record</source>
        <translation>受限记录</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>GBF targets</source>
        <translation>框架行动目标</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>访问</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>Target {number}: {title}</source>
        <translation>行动目标 {number}：{title}</translation>
    </message>
</context>
<context>
    <name>LibraryTable</name>
    <message>
        <source>Records</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>The records the search found, one per row. The arrow keys choose a record, Enter edits it, a right click on the headings chooses the columns.</source>
        <translation>搜索找到的记录，每行一条。方向键选择记录，回车键编辑它，在列标题上单击右键可选择显示的列。</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>This library is locked</source>
        <translation>此资料库已锁定</translation>
    </message>
    <message>
        <source>Unlock your profile to read and edit the knowledge your community&apos;s protocols allow you. Without unlocking you can browse the public records.</source>
        <translation>解锁您的用户档案，以阅读和编辑您所在社区规约允许的知识。不解锁也可以浏览公开记录。</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>用户档案</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>密码短语</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Browse without unlocking</source>
        <translation>不解锁直接浏览</translation>
    </message>
    <message>
        <source>{name} ({roles})</source>
        <translation>{name}（{roles}）</translation>
    </message>
    <message>
        <source>Choose a profile first.</source>
        <translation>请先选择用户档案。</translation>
    </message>
    <message>
        <source>Type the passphrase of {name}.</source>
        <translation>请输入 {name} 的密码短语。</translation>
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
        <translation>文件</translation>
    </message>
    <message>
        <source>Practitioner &amp;directory…</source>
        <translation>从业者名录(&amp;D)…</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>匹配</translation>
    </message>
    <message>
        <source>&amp;Trash…</source>
        <translation>回收站(&amp;T)…</translation>
    </message>
    <message>
        <source>About kmdesk</source>
        <translation>关于 kmdesk</translation>
    </message>
    <message>
        <source>kmdesk {version}

Offline knowledge management for Indigenous Peoples and Local Communities and biodiversity practitioners, for the Kunming-Montreal Global Biodiversity Framework. Knowledge is shared only with free, prior and informed consent.</source>
        <translation>kmdesk {version}

面向土著人民和地方社区以及生物多样性从业者的离线知识管理工具，服务于《昆明-蒙特利尔全球生物多样性框架》。知识仅在获得自由、事先和知情同意后共享。</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>Map — kmdesk</source>
        <translation>地图 — kmdesk</translation>
    </message>
    <message>
        <source>Countries are shaded by the number of records that name them (darker: more); a dot is a place with coordinates. Click either to list its records. Boundaries: Natural Earth (public domain).</source>
        <translation>国家按提及它的记录数着色（越深越多）；圆点表示带坐标的地点。点击任一项即可列出其记录。边界：Natural Earth（公有领域）。</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>The map could not be drawn: {reason}</source>
        <translation>无法绘制地图：{reason}</translation>
    </message>
    <message numerus="yes">
        <source>{country}: %Ln record(s)</source>
        <translation>
            <numerusform>{country}：%Ln 条记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{places}: %Ln record(s)</source>
        <translation>
            <numerusform>{places}：%Ln 条记录</numerusform>
        </translation>
    </message>
    <message>
        <source>{countries} countries and {places} places with coordinates</source>
        <translation>{countries} 个国家和 {places} 个带坐标的地点</translation>
    </message>
    <message>
        <source>Country: {name}</source>
        <translation>国家：{name}</translation>
    </message>
    <message>
        <source>Place: {names}</source>
        <translation>地点：{names}</translation>
    </message>
</context>
<context>
    <name>MatchesView</name>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>匹配</translation>
    </message>
    <message>
        <source>Matches are found for needs, offers, organizations and people.</source>
        <translation>仅为需求、供给、组织和人员查找匹配。</translation>
    </message>
    <message>
        <source>Looking for matches…</source>
        <translation>正在查找匹配…</translation>
    </message>
    <message>
        <source>{title} (from the CHM)</source>
        <translation>{title}（来自信息交换所机制）</translation>
    </message>
    <message>
        <source>{count} matches; open one with a double click.</source>
        <translation>{count} 个匹配；双击打开。</translation>
    </message>
    <message>
        <source>No match yet: nothing in the library or the pulled CHM records fits.</source>
        <translation>暂无匹配：库中及从信息交换所机制获取的记录均不符合。</translation>
    </message>
    <message>
        <source>Matches could not be found: {error}</source>
        <translation>无法查找匹配：{error}</translation>
    </message>
</context>
<context>
    <name>OpenLibraryBanner</name>
    <message>
        <source>This library has no profiles: anyone using this computer can read and change it, and nothing in it can be protected. Create its first custodian to keep a community&apos;s knowledge under its own rules.</source>
        <translation>此资料库没有用户档案：任何使用这台电脑的人都能阅读和修改它，其中任何内容都无法受到保护。请创建第一位守护人，使社区的知识遵循其自身的规则。</translation>
    </message>
    <message>
        <source>Create the first custodian…</source>
        <translation>创建第一位守护人…</translation>
    </message>
    <message>
        <source>Keep it open</source>
        <translation>保持开放</translation>
    </message>
</context>
<context>
    <name>PanesController</name>
    <message>
        <source>kmdesk — {folder} (read-only)</source>
        <translation>kmdesk — {folder}（只读）</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>&amp;Filters</source>
        <translation>筛选(&amp;F)</translation>
    </message>
    <message>
        <source>Show or hide the filters pane</source>
        <translation>显示或隐藏筛选窗格</translation>
    </message>
    <message>
        <source>&amp;Record pane</source>
        <translation>记录窗格(&amp;R)</translation>
    </message>
    <message>
        <source>Show or hide the record pane</source>
        <translation>显示或隐藏记录窗格</translation>
    </message>
</context>
<context>
    <name>Places</name>
    <message>
        <source>%1° N</source>
        <translation>北纬 %1°</translation>
    </message>
    <message>
        <source>%1° S</source>
        <translation>南纬 %1°</translation>
    </message>
    <message>
        <source>%1° E</source>
        <translation>东经 %1°</translation>
    </message>
    <message>
        <source>%1° W</source>
        <translation>西经 %1°</translation>
    </message>
    <message>
        <source>{place} ({latitude}, {longitude})</source>
        <translation>{place}（{latitude}，{longitude}）</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>language tags, e.g. quz, es, en</source>
        <translation>语言标记，例如 quz, es, en</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Record languages, in order</source>
        <translation>记录语言（按顺序）</translation>
    </message>
    <message>
        <source>A record&apos;s title and texts are shown in the interface language when the record has it, else in the first of these languages it has. Any BCP 47 tag works, e.g. quz (Cusco Quechua), mi (Maori), sw (Swahili).</source>
        <translation>记录的标题和正文如有界面语言版本则以界面语言显示，否则以列表中排在最前、且记录具有的语言显示。任何 BCP 47 标记均可，例如 quz（库斯科克丘亚语）、mi（毛利语）、sw（斯瓦希里语）。</translation>
    </message>
    <message>
        <source>“{tag}” is not a language tag (BCP 47), e.g. quz or pt-BR.</source>
        <translation>“{tag}”不是语言标记（BCP 47），例如 quz 或 pt-BR。</translation>
    </message>
</context>
<context>
    <name>ProfileSession</name>
    <message>
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Change my passphrase…</source>
        <translation>更改我的密码短语(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Custodian&apos;s view…</source>
        <translation>守护人视图(&amp;C)…</translation>
    </message>
    <message>
        <source>Create the &amp;first custodian…</source>
        <translation>创建第一位守护人(&amp;F)…</translation>
    </message>
    <message>
        <source>Lock &amp;automatically after…</source>
        <translation>自动锁定时间(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Access</source>
        <translation>访问(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Unlock…</source>
        <translation>解锁(&amp;U)…</translation>
    </message>
    <message>
        <source>Lock the library: forget the keys until a passphrase is typed again (Ctrl+L)</source>
        <translation>锁定资料库：在再次输入密码短语之前忘记所有密钥（Ctrl+L）</translation>
    </message>
    <message>
        <source>Unlock a profile to read protected knowledge (Ctrl+L)</source>
        <translation>解锁用户档案以阅读受保护的知识（Ctrl+L）</translation>
    </message>
    <message>
        <source>Unlocked: {name} ({roles})</source>
        <translation>已解锁：{name}（{roles}）</translation>
    </message>
    <message>
        <source>Locked: public records only</source>
        <translation>已锁定：仅公开记录</translation>
    </message>
    <message>
        <source>Open library (no profiles)</source>
        <translation>开放资料库（无用户档案）</translation>
    </message>
    <message>
        <source>That passphrase does not open {name}. Check it (and Caps Lock) and try again.</source>
        <translation>该密码短语无法打开 {name}。请检查（包括大写锁定键）后重试。</translation>
    </message>
    <message>
        <source>There is no profile named {name} any more.</source>
        <translation>已不存在名为 {name} 的用户档案。</translation>
    </message>
    <message>
        <source>Unlocking {name}…</source>
        <translation>正在解锁 {name}…</translation>
    </message>
    <message>
        <source>Unlocked as {name}.</source>
        <translation>已以 {name} 身份解锁。</translation>
    </message>
    <message>
        <source>Lock the library</source>
        <translation>锁定资料库</translation>
    </message>
    <message>
        <source>An editor has changes that are not saved. Locking closes it and discards them.</source>
        <translation>有编辑器包含未保存的更改。锁定将关闭它并放弃这些更改。</translation>
    </message>
    <message>
        <source>The library locked itself after {minutes} minutes without use.</source>
        <translation>资料库在 {minutes} 分钟无操作后已自动锁定。</translation>
    </message>
    <message>
        <source>An open editor was closed and its unsaved changes were discarded.</source>
        <translation>已关闭一个打开的编辑器，并放弃了其未保存的更改。</translation>
    </message>
    <message>
        <source>Lock automatically</source>
        <translation>自动锁定</translation>
    </message>
    <message>
        <source>Lock the library after this many minutes without use (0: never):</source>
        <translation>无操作多少分钟后锁定资料库（0：从不）：</translation>
    </message>
    <message>
        <source>Creating {name}…</source>
        <translation>正在创建 {name}…</translation>
    </message>
    <message>
        <source>The current passphrase is not right.</source>
        <translation>当前密码短语不正确。</translation>
    </message>
    <message>
        <source>The passphrase of {name} was changed.</source>
        <translation>{name} 的密码短语已更改。</translation>
    </message>
    <message>
        <source>Changing the passphrase…</source>
        <translation>正在更改密码短语…</translation>
    </message>
    <message>
        <source>Consent saved.</source>
        <translation>同意已保存。</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>RecordConsentDialog</name>
    <message>
        <source>Record consent</source>
        <translation>记录同意</translation>
    </message>
    <message>
        <source>Consent for “{title}”. A consent is the community&apos;s whole decision at the time it was given; it replaces earlier ones and is never edited afterwards.</source>
        <translation>“{title}”的同意。同意是社区在给予时作出的完整决定；它取代之前的同意，此后不再修改。</translation>
    </message>
    <message>
        <source>the person or authority who gave consent</source>
        <translation>给予同意的个人或权威机构</translation>
    </message>
    <message>
        <source>e.g. assembly of the ayllu, council of elders</source>
        <translation>例如：艾柳（ayllu）大会、长老会</translation>
    </message>
    <message>
        <source>names, separated by commas</source>
        <translation>姓名，用逗号分隔</translation>
    </message>
    <message>
        <source>who receives the knowledge</source>
        <translation>谁接收这些知识</translation>
    </message>
    <message>
        <source>information shared on</source>
        <translation>信息分享日期</translation>
    </message>
    <message>
        <source>e.g. Quechua (quz)</source>
        <translation>例如：克丘亚语 (quz)</translation>
    </message>
    <message>
        <source>e.g. meeting with an interpreter, radio, written summary</source>
        <translation>例如：有口译员的会议、广播、书面摘要</translation>
    </message>
    <message>
        <source>given on</source>
        <translation>给予日期</translation>
    </message>
    <message>
        <source>What the community agreed to</source>
        <translation>社区同意的内容</translation>
    </message>
    <message>
        <source>conditions the community set, in its words</source>
        <translation>社区设定的条件，用其自己的话</translation>
    </message>
    <message>
        <source>expires on</source>
        <translation>到期日期</translation>
    </message>
    <message>
        <source>the attachment or archive reference of the signed form or recording</source>
        <translation>已签署表格或录音的附件或档案编号</translation>
    </message>
    <message>
        <source>Granted by</source>
        <translation>授予人</translation>
    </message>
    <message>
        <source>For the community</source>
        <translation>代表社区</translation>
    </message>
    <message>
        <source>Community process</source>
        <translation>社区程序</translation>
    </message>
    <message>
        <source>Witnesses</source>
        <translation>见证人</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>接收方</translation>
    </message>
    <message>
        <source>Prior information</source>
        <translation>事先告知</translation>
    </message>
    <message>
        <source>Informed in (language)</source>
        <translation>告知所用语言</translation>
    </message>
    <message>
        <source>Informed how</source>
        <translation>告知方式</translation>
    </message>
    <message>
        <source>Consent given</source>
        <translation>已给予同意</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
</context>
<context>
    <name>RecordController</name>
    <message>
        <source>No font for {scripts} is installed: this text shows as boxes. Install a font for it (Debian/Ubuntu: {packages}).</source>
        <translation>未安装 {scripts} 字体：此文本显示为方框。请安装相应字体（Debian/Ubuntu：{packages}）。</translation>
    </message>
    <message>
        <source>Pulled from the CHM: read-only here. The next pull brings its changes.</source>
        <translation>从信息交换所机制拉取：此处只读。下次拉取会带来其更改。</translation>
    </message>
    <message>
        <source>Adding or removing files needs an unlocked contributor or custodian who may read this record.</source>
        <translation>添加或删除文件需要一个已解锁、可以阅读此记录的贡献者或保管人档案。</translation>
    </message>
    <message>
        <source>Edit the selected record</source>
        <translation>编辑所选记录</translation>
    </message>
    <message>
        <source>Delete the selected record</source>
        <translation>删除所选记录</translation>
    </message>
    <message>
        <source>Record created.</source>
        <translation>记录已创建。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Record moved to the trash.</source>
        <translation>记录已移至回收站。</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <source>New record</source>
        <translation>新建记录</translation>
    </message>
    <message>
        <source>Edit record</source>
        <translation>编辑记录</translation>
    </message>
    <message>
        <source>Texts</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>GBF</source>
        <translation>全球框架</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Access and labels</source>
        <translation>访问与标签</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save and keep editing (Ctrl+S)</source>
        <translation>保存并继续编辑 (Ctrl+S)</translation>
    </message>
    <message>
        <source>Save and close</source>
        <translation>保存并关闭</translation>
    </message>
    <message>
        <source>Add language…</source>
        <translation>添加语言…</translation>
    </message>
    <message>
        <source>Add the title, summary and text in another language (any BCP 47 tag, e.g. quz, sw, pt-BR)</source>
        <translation>以另一种语言添加标题、摘要和正文（任何 BCP 47 标记，例如 quz、sw、pt-BR）</translation>
    </message>
    <message>
        <source>Add language</source>
        <translation>添加语言</translation>
    </message>
    <message>
        <source>Language tag (BCP 47), for example quz, sw, ar, pt-BR:</source>
        <translation>语言标记（BCP 47），例如 quz、sw、ar、pt-BR：</translation>
    </message>
    <message>
        <source>“{tag}” is not a language tag (BCP 47), e.g. quz or pt-BR.</source>
        <translation>“{tag}”不是语言标记（BCP 47），例如 quz 或 pt-BR。</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>title ({tag})</source>
        <translation>标题（{tag}）</translation>
    </message>
    <message>
        <source>summary ({tag})</source>
        <translation>摘要（{tag}）</translation>
    </message>
    <message>
        <source>text ({tag})</source>
        <translation>正文（{tag}）</translation>
    </message>
    <message>
        <source>type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>kind of resource</source>
        <translation>资源类别</translation>
    </message>
    <message>
        <source>keywords</source>
        <translation>关键词</translation>
    </message>
    <message>
        <source>community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>licence</source>
        <translation>许可</translation>
    </message>
    <message>
        <source>link</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>languages</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>countries</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>places</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>goal {code}</source>
        <translation>长期目标 {code}</translation>
    </message>
    <message>
        <source>GBF targets</source>
        <translation>框架行动目标</translation>
    </message>
    <message>
        <source>creators</source>
        <translation>创作者</translation>
    </message>
    <message>
        <source>access</source>
        <translation>访问</translation>
    </message>
    <message>
        <source>labels</source>
        <translation>标签</translation>
    </message>
</context>
<context>
    <name>RecordView</name>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>The record selected in the list: its texts in every language, its targets, people, places and access.</source>
        <translation>列表中选中的记录：各语言的文本、行动目标、人物、地点和访问级别。</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Record pane</source>
        <translation>记录窗格</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>Select a record in the list to read it here.</source>
        <translation>在列表中选择一条记录即可在此阅读。</translation>
    </message>
    <message>
        <source>On the Clearing-House</source>
        <translation>在信息交换所上</translation>
    </message>
    <message>
        <source>Restricted record</source>
        <translation>受限记录</translation>
    </message>
    <message>
        <source>In conflict: {fields}. Two devices changed this at once; both values are kept and one is shown here. Choose in Hub › Records in conflict…</source>
        <translation>存在冲突：{fields}。两台设备同时更改了此内容；两个值均已保留，此处显示其中一个。请在 中心 › 存在冲突的记录… 中选择</translation>
    </message>
    <message>
        <source>This record is protected by its community&apos;s rules. Its texts open only for a profile that may read them.</source>
        <translation>此记录受其社区规则保护。其文本仅对有权阅读的用户档案开放。</translation>
    </message>
    <message>
        <source>Goal {code}: {title}</source>
        <translation>长期目标 {code}：{title}</translation>
    </message>
    <message>
        <source>Target {number}: {title}</source>
        <translation>行动目标 {number}：{title}</translation>
    </message>
    <message>
        <source>Kunming-Montreal Global Biodiversity Framework</source>
        <translation>昆明-蒙特利尔全球生物多样性框架</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>关键词</translation>
    </message>
    <message>
        <source>CBD subjects</source>
        <translation>《生物多样性公约》主题</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Creators</source>
        <translation>创作者</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>Identifiers</source>
        <translation>标识符</translation>
    </message>
    <message>
        <source>Contact details</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>修订版本</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <source>Record id</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <source>Not listed in the directory: without a valid consent to be listed (list_in_directory), contact details are withheld from locked views, search, exports, reports and the CHM.</source>
        <translation>未列入名录：没有有效的列入同意（list_in_directory）时，联系方式不会出现在锁定视图、搜索、导出、报告和信息交换所机制中。</translation>
    </message>
    <message>
        <source>Listed in the directory with the consent of {who}, given on {day}.</source>
        <translation>经 {who} 同意列入名录，同意日期 {day}。</translation>
    </message>
    <message>
        <source>Listed in the directory with a valid consent to be listed.</source>
        <translation>已凭有效的列入同意列入名录。</translation>
    </message>
    <message>
        <source>From the CHM</source>
        <translation>来自信息交换所机制</translation>
    </message>
    <message>
        <source>Pulled from the central Clearing-House (identifier {identifier}). It is read-only here: the next pull brings its changes, or marks it withdrawn.</source>
        <translation>从中央信息交换所机制获取（标识符 {identifier}）。此处只读：下次获取会带来其更改，或将其标记为已撤回。</translation>
    </message>
    <message>
        <source>May go to the national CHM once someone selects it for sharing.</source>
        <translation>一旦有人选择共享，即可发送至国家信息交换所机制。</translation>
    </message>
    <message>
        <source>Not eligible:</source>
        <translation>不符合条件：</translation>
    </message>
    <message>
        <source>Access and consent</source>
        <translation>访问与同意</translation>
    </message>
    <message>
        <source>Access level</source>
        <translation>访问级别</translation>
    </message>
    <message>
        <source>Protocols</source>
        <translation>规约</translation>
    </message>
    <message>
        <source>members of any one</source>
        <translation>任一规约的成员</translation>
    </message>
    <message>
        <source>Custodians</source>
        <translation>守护人</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Sharing</source>
        <translation>共享</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>GBF report</source>
        <translation>框架报告</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <source>Web page (HTML)</source>
        <translation>网页（HTML）</translation>
    </message>
    <message>
        <source>Markdown text</source>
        <translation>Markdown 文本</translation>
    </message>
    <message>
        <source>All targets</source>
        <translation>全部行动目标</translation>
    </message>
    <message>
        <source>{number} · {title}</source>
        <translation>{number} · {title}</translation>
    </message>
    <message>
        <source>The report holds public records only, whoever is unlocked.</source>
        <translation>无论解锁的是哪个用户档案，报告只包含公开记录。</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Targets:</source>
        <translation>行动目标：</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>正在生成报告…</translation>
    </message>
</context>
<context>
    <name>SearchController</name>
    <message>
        <source>Search failed: {reason} {detail}</source>
        <translation>搜索失败：{reason} {detail}</translation>
    </message>
    <message>
        <source>Showing results for {suggestion}.</source>
        <translation>显示 {suggestion} 的结果。</translation>
    </message>
    <message>
        <source>Did you mean {suggestion}?</source>
        <translation>您是不是要找 {suggestion}？</translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s)</source>
        <translation>
            <numerusform>%Ln 条记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln shown</source>
        <translation>
            <numerusform>显示 %Ln 条</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusProgress</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SuggestionsBox</name>
    <message>
        <source>Suggested targets and subjects</source>
        <translation>建议的目标和主题</translation>
    </message>
    <message>
        <source>Suggest</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Propose GBF targets and CBD subjects from similar tagged records and the vocabularies&apos; own words; nothing is added without a click</source>
        <translation>根据相似的已标记记录和词表本身的词语建议《框架》目标和《公约》主题；不点击则不添加任何内容</translation>
    </message>
    <message>
        <source>Looking at similar records…</source>
        <translation>正在查看相似记录…</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Click Add for each one that fits.</source>
        <translation>对合适的每一项点击“添加”。</translation>
    </message>
    <message>
        <source>No suggestion: add more text first.</source>
        <translation>没有建议：请先添加更多文字。</translation>
    </message>
    <message>
        <source>Target {number} · {title}</source>
        <translation>目标 {number} · {title}</translation>
    </message>
    <message>
        <source>Subject: {title}</source>
        <translation>主题：{title}</translation>
    </message>
    <message>
        <source>like «{title}»</source>
        <translation>类似“{title}”</translation>
    </message>
    <message>
        <source>words: {words}</source>
        <translation>词语：{words}</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <source>sent as draft</source>
        <translation>已作为草稿发送</translation>
    </message>
    <message>
        <source>submitted for review</source>
        <translation>已提交审核</translation>
    </message>
    <message>
        <source>failed: {reason}</source>
        <translation>失败：{reason}</translation>
    </message>
    <message>
        <source>queued (last try: {error})</source>
        <translation>排队中（上次尝试：{error}）</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>not shared</source>
        <translation>未共享</translation>
    </message>
    <message>
        <source>selected, not sent</source>
        <translation>已选择，未发送</translation>
    </message>
    <message>
        <source>retracted</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>not eligible, taken down</source>
        <translation>不符合条件，已撤下</translation>
    </message>
    <message>
        <source>The CHM does not know the realm “{realm}”: correct the target&apos;s realm (CHM, or CHM-DEV on the development host). Nothing was sent; records stay queued.</source>
        <translation>信息交换所机制不认识领域“{realm}”：请更正目标的领域（CHM，开发服务器上为 CHM-DEV）。未发送任何内容；记录仍在队列中。</translation>
    </message>
    <message>
        <source>The CHM at {url} refused the e-mail or password (HTTP {status}). Records stay queued.</source>
        <translation>位于 {url} 的信息交换所机制拒绝了电子邮件或密码（HTTP {status}）。记录仍在队列中。</translation>
    </message>
    <message>
        <source>The target refused the account or its rights.</source>
        <translation>目标拒绝了该账户或其权限。</translation>
    </message>
    <message>
        <source>This Bioland site accepts no new content (read-only). Records stay queued.</source>
        <translation>此 Bioland 网站不接受新内容（只读）。记录仍在队列中。</translation>
    </message>
    <message>
        <source>This target is missing its account settings.</source>
        <translation>此目标缺少账户设置。</translation>
    </message>
    <message>
        <source>The run stopped.</source>
        <translation>运行已停止。</translation>
    </message>
    <message>
        <source>Sync with the CHM</source>
        <translation>与信息交换所同步</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>最近错误</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>立即重试</translation>
    </message>
    <message>
        <source>Pull from the CHM</source>
        <translation>从信息交换所机制获取</translation>
    </message>
    <message>
        <source>Fetch the central CHM&apos;s public records for each CHM target&apos;s country into the read-only collection &quot;From the CHM&quot;</source>
        <translation>将中央信息交换所机制中各目标所在国家的公开记录获取到只读馆藏“来自信息交换所机制”</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>共享</translation>
    </message>
    <message>
        <source>Pulling from the CHM…</source>
        <translation>正在从信息交换所机制获取…</translation>
    </message>
    <message>
        <source>{target}: {added} new, {updated} updated, {withdrawn} withdrawn from the CHM.</source>
        <translation>{target}：新增 {added}，更新 {updated}，已从信息交换所机制撤回 {withdrawn}。</translation>
    </message>
    <message>
        <source>The CHM needs the title in one of the six UN languages (Arabic, Chinese, English, French, Russian, Spanish); this record has: {languages}</source>
        <translation>信息交换所机制需要以六种联合国语言之一（阿拉伯文、中文、英文、法文、俄文、西班牙文）填写标题；此记录的语言为：{languages}</translation>
    </message>
    <message>
        <source>The CHM accepts no identifier like this record&apos;s id; it is sent as {identifier}, the same every time.</source>
        <translation>信息交换所机制不接受与此记录的编号类似的标识符；它将以 {identifier} 发送，每次相同。</translation>
    </message>
    <message>
        <source>Share with {target}</source>
        <translation>共享到 {target}</translation>
    </message>
    <message>
        <source>Sending needs an unlocked profile that holds the sync credentials (a custodian).</source>
        <translation>发送需要一个已解锁且持有同步凭据的配置文件（保管人）。</translation>
    </message>
    <message>
        <source>Send what waits for a retry at once, and try rejected records again</source>
        <translation>立即发送等待重试的内容，并再次尝试被拒绝的记录</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>等待发送</translation>
    </message>
    <message>
        <source>Refused by the target (fix the record, then retry)</source>
        <translation>被目标拒绝（修正记录后重试）</translation>
    </message>
    <message>
        <source>This record</source>
        <translation>此记录</translation>
    </message>
    <message>
        <source>Stop sharing</source>
        <translation>停止共享</translation>
    </message>
    <message>
        <source>Network: connected</source>
        <translation>网络：已连接</translation>
    </message>
    <message>
        <source>Network: offline — records wait in the outbox</source>
        <translation>网络：离线——记录在发件箱中等待</translation>
    </message>
    <message>
        <source>Network: unknown — sync is tried every few minutes while records wait</source>
        <translation>网络：未知——有记录等待时每隔几分钟尝试同步一次</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>{target}: last sync {when}, {queued} waiting, {failed} refused</source>
        <translation>{target}：上次同步 {when}，{queued} 条等待，{failed} 条被拒绝</translation>
    </message>
    <message>
        <source>No sync target yet: a custodian adds one with &apos;kmdesk target add&apos;.</source>
        <translation>尚无同步目标：守护人可使用 &apos;kmdesk target add&apos; 添加。</translation>
    </message>
    <message>
        <source>(deleted record {id})</source>
        <translation>（已删除的记录 {id}）</translation>
    </message>
    <message>
        <source>send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>take down</source>
        <translation>撤下</translation>
    </message>
    <message>
        <source>{todo}, tried {n}×</source>
        <translation>{todo}，已尝试 {n} 次</translation>
    </message>
    <message>
        <source>{title} → {target}: {reason}</source>
        <translation>{title} → {target}：{reason}</translation>
    </message>
    <message>
        <source>Syncing with the CHM…</source>
        <translation>正在与信息交换所同步…</translation>
    </message>
    <message>
        <source>Select a record to see whether it can be shared.</source>
        <translation>选择一条记录以查看其能否共享。</translation>
    </message>
    <message>
        <source>Eligible: consent and access allow sharing.</source>
        <translation>符合条件：同意和访问设置允许共享。</translation>
    </message>
    <message>
        <source>Not eligible:</source>
        <translation>不符合条件：</translation>
    </message>
    <message>
        <source>The CHM still needs: {fields}</source>
        <translation>信息交换所仍需要：{fields}</translation>
    </message>
    <message>
        <source>The CHM would refuse: {problems}</source>
        <translation>信息交换所将拒绝：{problems}</translation>
    </message>
    <message>
        <source>No sync target yet.</source>
        <translation>尚无同步目标。</translation>
    </message>
</context>
<context>
    <name>TrashView</name>
    <message>
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除时间</translation>
    </message>
    <message>
        <source>Deleted by</source>
        <translation>删除者</translation>
    </message>
    <message>
        <source>Deleted records</source>
        <translation>已删除的记录</translation>
    </message>
    <message>
        <source>Records deleted from this library, newest first, with when and by whom; choose one and press Restore to bring it back.</source>
        <translation>从本资料库删除的记录，最新的在前，附删除时间和删除者；选择一条并按“恢复”即可找回。</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>Put the chosen record back in the library, as it was.</source>
        <translation>将所选记录按原样放回资料库。</translation>
    </message>
    <message>
        <source>&amp;Empty trash…</source>
        <translation>清空回收站(&amp;E)…</translation>
    </message>
    <message>
        <source>Forget every deleted record you may remove, with its files, after asking; this cannot be undone.</source>
        <translation>确认后永久清除您可移除的所有已删除记录及其文件；此操作无法撤销。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Trash status</source>
        <translation>回收站状态</translation>
    </message>
    <message>
        <source>Reading the trash…</source>
        <translation>正在读取回收站…</translation>
    </message>
    <message>
        <source>Damaged record (failed its integrity check)</source>
        <translation>已损坏的记录（未通过完整性检查）</translation>
    </message>
    <message>
        <source>Restricted record (you cannot open it)</source>
        <translation>受限记录（您无法打开）</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message numerus="yes">
        <source>%Ln deleted record(s).</source>
        <translation>
            <numerusform>%Ln 条已删除的记录</numerusform>
        </translation>
    </message>
    <message>
        <source>The trash is empty.</source>
        <translation>回收站是空的。</translation>
    </message>
    <message>
        <source>Restored “{title}”.</source>
        <translation>已恢复“{title}”。</translation>
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
        <translation>撤回同意</translation>
    </message>
    <message>
        <source>Withdraw consent for “{title}”. The record will be retracted from the Clearing-House at the next sync; the history keeps the consent and its withdrawal.</source>
        <translation>撤回对“{title}”的同意。下次同步时，该记录将从信息交换所撤回；历史中保留该同意及其撤回。</translation>
    </message>
    <message>
        <source>Every consent still standing</source>
        <translation>所有仍然有效的同意</translation>
    </message>
    <message>
        <source>Given {date} by {name}</source>
        <translation>{name} 于 {date} 给予</translation>
    </message>
    <message>
        <source>the person or authority withdrawing it</source>
        <translation>撤回同意的个人或权威机构</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>Withdrawn on</source>
        <translation>撤回日期</translation>
    </message>
    <message>
        <source>Withdrawn by</source>
        <translation>撤回人</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Say who withdrew the consent.</source>
        <translation>请注明谁撤回了同意。</translation>
    </message>
</context>
<context>
    <name>access</name>
    <message>
        <source>Anyone using this library can read it. It may go to the national Clearing-House Mechanism when a consent covers that and no label forbids it.</source>
        <translation>使用本资料库的任何人都可以阅读。当有同意涵盖且没有标签禁止时，它可以发送到国家信息交换所机制。</translation>
    </message>
    <message>
        <source>Only members of the record&apos;s community can read it. Its texts are encrypted on this computer; others see that it exists, not what it says.</source>
        <translation>只有该记录所属社区的成员才能阅读。其文本在本计算机上加密；其他人只能看到它存在，看不到内容。</translation>
    </message>
    <message>
        <source>Only members of the cultural protocols ticked below can read it (all of them, or any one, as chosen). Its texts are encrypted; others see a sealed record.</source>
        <translation>只有下方勾选的文化规约的成员才能阅读（按所选，须属于全部规约或其中任一规约）。其文本已加密；其他人看到的是密封的记录。</translation>
    </message>
    <message>
        <source>Only the custodians named below can read it, and nobody else even sees that it exists. It never leaves this computer: no export, no sync.</source>
        <translation>只有下方指定的守护人才能阅读，其他人甚至看不到它的存在。它永远不会离开本计算机：不导出，不同步。</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Expiring soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>No consent</source>
        <translation>无同意</translation>
    </message>
    <message>
        <source>A current consent is in force.</source>
        <translation>当前有一项有效的同意。</translation>
    </message>
    <message>
        <source>The consent in force ends within 30 days; ask the community whether to renew it.</source>
        <translation>现行同意将在 30 天内到期；请询问社区是否续期。</translation>
    </message>
    <message>
        <source>The consent has expired; the record is not shared until a new consent is recorded.</source>
        <translation>同意已过期；在记录新的同意之前，该记录不会被共享。</translation>
    </message>
    <message>
        <source>The community withdrew its consent; the record is retracted from the CHM at the next sync.</source>
        <translation>社区已撤回同意；下次同步时该记录将从信息交换所撤下。</translation>
    </message>
    <message>
        <source>No consent has been recorded.</source>
        <translation>尚未记录任何同意。</translation>
    </message>
    <message>
        <source>custodian</source>
        <translation>守护人</translation>
    </message>
    <message>
        <source>contributor</source>
        <translation>贡献者</translation>
    </message>
    <message>
        <source>viewer</source>
        <translation>查看者</translation>
    </message>
    <message>
        <source>Nobody has selected it for sharing yet.</source>
        <translation>尚无人选择共享此记录。</translation>
    </message>
    <message>
        <source>Its access level is {level}, not public.</source>
        <translation>其访问级别为{level}，不是公开。</translation>
    </message>
    <message>
        <source>Sacred knowledge never leaves this computer.</source>
        <translation>神圣知识永远不会离开本计算机。</translation>
    </message>
    <message>
        <source>It is a community&apos;s knowledge: it needs a current consent covering “Share with the national CHM”.</source>
        <translation>这是社区的知识：需要一项涵盖“与国家信息交换所共享”的现行同意。</translation>
    </message>
    <message>
        <source>The consent expired on {date}.</source>
        <translation>同意已于 {date} 到期。</translation>
    </message>
    <message>
        <source>The consent was withdrawn on {date}.</source>
        <translation>同意已于 {date} 撤回。</translation>
    </message>
    <message>
        <source>The current consent&apos;s scope is sealed: unlock a profile that may read this record to see whether it covers sharing with the CHM.</source>
        <translation>当前同意的范围已密封：请解锁一个可以阅读此记录的档案，以查看它是否涵盖与信息交换所机制共享。</translation>
    </message>
    <message>
        <source>The current consent does not cover sharing with the CHM (it allows: {scopes}).</source>
        <translation>现行同意不涵盖与信息交换所共享（它允许：{scopes}）。</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <source>The label {label} forbids sharing.</source>
        <translation>标签 {label} 禁止共享。</translation>
    </message>
    <message>
        <source>It failed its integrity check ({problem}): it cannot be shared.</source>
        <translation>它未通过完整性检查（{problem}）：不能共享。</translation>
    </message>
</context>
<context>
    <name>accessibility</name>
    <message>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Demo library loaded: {count} records.</source>
        <translation>已加载演示资料库：{count} 条记录。</translation>
    </message>
    <message>
        <source>Preparing the demo library…</source>
        <translation>正在准备演示资料库…</translation>
    </message>
    <message>
        <source>Library upgraded; its previous state is kept in {path}</source>
        <translation>资料库已升级；其先前状态保存在 {path}</translation>
    </message>
    <message>
        <source>Its rows are not signed yet: until a custodian unlocks the library, they are untrusted.</source>
        <translation>其数据行尚未签名：在保管人解锁资料库之前，这些数据行不可信。</translation>
    </message>
    <message>
        <source>consent</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>membership</source>
        <translation>成员资格</translation>
    </message>
    <message>
        <source>profile</source>
        <translation>用户档案</translation>
    </message>
    <message>
        <source>audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Warning: this library is older than when it was last opened here ({parts}). If no backup was restored, someone put an older copy in its place.</source>
        <translation>警告：此资料库比上次在此处打开时更旧（{parts}）。如果没有恢复过备份，说明有人用更旧的副本替换了它。</translation>
    </message>
    <message>
        <source>kmdesk cannot open the library</source>
        <translation>kmdesk 无法打开资料库</translation>
    </message>
</context>
<context>
    <name>audit</name>
    <message>
        <source>File attached</source>
        <translation>已附加文件</translation>
    </message>
    <message>
        <source>File removed</source>
        <translation>已移除文件</translation>
    </message>
    <message>
        <source>Community added</source>
        <translation>已添加社区</translation>
    </message>
    <message>
        <source>Consent recorded</source>
        <translation>已记录同意</translation>
    </message>
    <message>
        <source>Consent withdrawn</source>
        <translation>已撤回同意</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Hub labels imported</source>
        <translation>已导入 Hub 标签</translation>
    </message>
    <message>
        <source>Member added</source>
        <translation>已添加成员</translation>
    </message>
    <message>
        <source>Member removed</source>
        <translation>已移除成员</translation>
    </message>
    <message>
        <source>Passphrase changed</source>
        <translation>已更改口令</translation>
    </message>
    <message>
        <source>Profile created</source>
        <translation>已创建配置文件</translation>
    </message>
    <message>
        <source>Protocol added</source>
        <translation>已添加协议</translation>
    </message>
    <message>
        <source>Selected for sharing</source>
        <translation>已选择共享</translation>
    </message>
    <message>
        <source>Sharing stopped</source>
        <translation>已停止共享</translation>
    </message>
    <message>
        <source>Sync target added</source>
        <translation>已添加同步目标</translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation>已解锁</translation>
    </message>
    <message>
        <source>Unlock refused</source>
        <translation>解锁被拒绝</translation>
    </message>
    <message>
        <source>Protected record read</source>
        <translation>已读取受保护记录</translation>
    </message>
    <message>
        <source>Protected file opened</source>
        <translation>已打开受保护文件</translation>
    </message>
    <message>
        <source>Sent to the target</source>
        <translation>已发送到目标</translation>
    </message>
    <message>
        <source>Taken down from the target</source>
        <translation>已从目标撤下</translation>
    </message>
    <message>
        <source>Refused by the target</source>
        <translation>被目标拒绝</translation>
    </message>
    <message>
        <source>Access changed</source>
        <translation>访问权限已更改</translation>
    </message>
    <message>
        <source>Consent attested</source>
        <translation>同意已证明</translation>
    </message>
    <message>
        <source>Consent imported</source>
        <translation>同意已导入</translation>
    </message>
    <message>
        <source>Damaged text repaired</source>
        <translation>已修复损坏的文本</translation>
    </message>
    <message>
        <source>Sync target changed</source>
        <translation>同步目标已更改</translation>
    </message>
    <message>
        <source>Sync target removed</source>
        <translation>同步目标已删除</translation>
    </message>
    <message>
        <source>Library file protection upgraded</source>
        <translation>资料库文件保护已升级</translation>
    </message>
    <message>
        <source>Joined a community hub</source>
        <translation>已加入社区共享服务器</translation>
    </message>
    <message>
        <source>Synced with the community hub</source>
        <translation>已与社区共享服务器同步</translation>
    </message>
    <message>
        <source>Restored from the trash</source>
        <translation>已从回收站恢复</translation>
    </message>
    <message>
        <source>Forgotten for good (trash emptied)</source>
        <translation>已永久清除（回收站已清空）</translation>
    </message>
    <message>
        <source>Sync credentials (held by custodians)</source>
        <translation>同步凭据（由保管人持有）</translation>
    </message>
    <message>
        <source>roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>profile</source>
        <translation>配置文件</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>access</source>
        <translation>访问</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>to do</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>records</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>protocol</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>a protected record</source>
        <translation>一条受保护记录</translation>
    </message>
</context>
<context>
    <name>date</name>
    <message>
        <source>{month} {year}</source>
        <translation>{year}年{month}</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>Delete record</source>
        <translation>删除记录</translation>
    </message>
    <message>
        <source>Delete “{title}”?

The record goes to the trash, where it can be restored until the trash is emptied.</source>
        <translation>删除“{title}”？

该记录将移至回收站，在清空回收站之前都可以恢复。</translation>
    </message>
    <message>
        <source>This library is on a read-only medium: you can read and search it, not change it. Copy its folder to a writable place to change it.</source>
        <translation>此资料库位于只读介质上：您可以阅读和搜索，但不能更改。要更改，请将其文件夹复制到可写入的位置。</translation>
    </message>
    <message>
        <source>It is no longer there: it may have been deleted or moved.</source>
        <translation>它已不存在：可能已被删除或移动。</translation>
    </message>
    <message>
        <source>Some of what was entered cannot be saved as it is.</source>
        <translation>部分输入内容无法按原样保存。</translation>
    </message>
    <message>
        <source>This record comes from the CHM and is read-only here: the next pull brings its changes.</source>
        <translation>此记录来自信息交换所机制，在此处只读：下次拉取会带来其更改。</translation>
    </message>
    <message>
        <source>You do not have permission to do this.</source>
        <translation>您无权执行此操作。</translation>
    </message>
    <message>
        <source>The library could not complete this change.</source>
        <translation>资料库无法完成此更改。</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was changed.</source>
        <translation>已取消。未做任何更改。</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>出现了问题。</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>editor</name>
    <message>
        <source>Change {field}</source>
        <translation>更改{field}</translation>
    </message>
    <message>
        <source>Add language {tag}</source>
        <translation>添加语言 {tag}</translation>
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <source>row {row}</source>
        <translation>第 {row} 行</translation>
    </message>
    <message>
        <source>rows {row}–{last}</source>
        <translation>第 {row}–{last} 行</translation>
    </message>
    <message>
        <source>sheet “{sheet}” row {row}</source>
        <translation>工作表“{sheet}”第 {row} 行</translation>
    </message>
    <message>
        <source>entry {entry} (line {line})</source>
        <translation>第 {entry} 条（第 {line} 行）</translation>
    </message>
    <message>
        <source>entry {entry} “{key}” (line {line})</source>
        <translation>第 {entry} 条“{key}”（第 {line} 行）</translation>
    </message>
    <message>
        <source>@string (line {line})</source>
        <translation>@string（第 {line} 行）</translation>
    </message>
    <message>
        <source>line {line}</source>
        <translation>第 {line} 行</translation>
    </message>
    <message>
        <source>document {document}</source>
        <translation>第 {document} 个文档</translation>
    </message>
    <message>
        <source>document {document} ({identifier})</source>
        <translation>第 {document} 个文档（{identifier}）</translation>
    </message>
    <message>
        <source>record {record}</source>
        <translation>第 {record} 条记录</translation>
    </message>
    <message>
        <source>sealed record {record}</source>
        <translation>第 {record} 条已封存记录</translation>
    </message>
    <message>
        <source>line {line}: not valid UTF-8 (byte 0x{byte} at character {at}); save the file as UTF-8</source>
        <translation>第 {line} 行：不是有效的 UTF-8（第 {at} 个字符处的字节 0x{byte}）；请将文件保存为 UTF-8</translation>
    </message>
    <message>
        <source>not valid UTF-8 (byte 0x{byte} at character {at}); save the file as UTF-8</source>
        <translation>不是有效的 UTF-8（第 {at} 个字符处的字节 0x{byte}）；请将文件保存为 UTF-8</translation>
    </message>
    <message>
        <source>expected {expected} cells, found {found} (a quote is probably left open)</source>
        <translation>应有 {expected} 个单元格，实有 {found} 个（可能有引号未闭合）</translation>
    </message>
    <message>
        <source>expected {expected} cells, found {found} (check the quotes and separators)</source>
        <translation>应有 {expected} 个单元格，实有 {found} 个（请检查引号和分隔符）</translation>
    </message>
    <message>
        <source>not valid {encoding} (byte 0x{byte} at position {at}); save the file as UTF-8</source>
        <translation>不是有效的 {encoding}（位置 {at} 处的字节 0x{byte}）；请将文件保存为 UTF-8</translation>
    </message>
    <message>
        <source>a line longer than {limit_mb} MB (the limit)</source>
        <translation>某行超过 {limit_mb} MB（上限）</translation>
    </message>
    <message>
        <source>cannot be read as CSV; check the quotes ({detail})</source>
        <translation>无法按 CSV 读取；请检查引号（{detail}）</translation>
    </message>
    <message>
        <source>a cell cannot be read ({detail}); this row and the rest of the sheet were not read</source>
        <translation>无法读取某个单元格（{detail}）；此行及工作表其余部分未读取</translation>
    </message>
    <message>
        <source>{count} value(s) in columns without a name in row 1</source>
        <translation>第 1 行中无名称的列里有 {count} 个值</translation>
    </message>
    <message>
        <source>the macro was refused and not defined ({detail})</source>
        <translation>该宏被拒绝，未定义（{detail}）</translation>
    </message>
    <message>
        <source>expected “@type{{key,” after “@”</source>
        <translation>“@”后应为“@type{{key,”</translation>
    </message>
    <message>
        <source>the entry cannot be read and was skipped ({detail})</source>
        <translation>该条目无法读取，已跳过（{detail}）</translation>
    </message>
    <message>
        <source>line {line}: the {tag} value is longer than {limit_kb} KB (the limit); the entry was not imported</source>
        <translation>第 {line} 行：{tag} 的值超过 {limit_kb} KB（上限）；该条目未导入</translation>
    </message>
    <message>
        <source>no RIS entry found (an entry starts with “TY  - ”)</source>
        <translation>未找到 RIS 条目（条目以“TY  - ”开头）</translation>
    </message>
    <message>
        <source>not a CHM resource document (its schema is “{schema}”)</source>
        <translation>不是 CHM 资源文档（其模式为“{schema}”）</translation>
    </message>
    <message>
        <source>the document has an unexpected shape ({detail})</source>
        <translation>文档结构异常（{detail}）</translation>
    </message>
    <message>
        <source>sealed for transfer: give the archive passphrase to import it</source>
        <translation>已为传输封存：请输入归档密码短语以导入</translation>
    </message>
    <message>
        <source>the sealed envelope has an unexpected shape</source>
        <translation>封存信封结构异常</translation>
    </message>
    <message>
        <source>duplicate of {existing} (the same identifier)</source>
        <translation>与 {existing} 重复（标识符相同）</translation>
    </message>
    <message>
        <source>duplicate of {existing} (the same DOI {doi})</source>
        <translation>与 {existing} 重复（DOI 相同：{doi}）</translation>
    </message>
    <message>
        <source>duplicate of {existing} (the same title and year)</source>
        <translation>与 {existing} 重复（标题和年份相同）</translation>
    </message>
    <message>
        <source>duplicate of {existing} (a nearly identical title, the same year)</source>
        <translation>与 {existing} 重复（标题几乎相同，年份相同）</translation>
    </message>
    <message>
        <source>{field} cannot be imported as it is ({detail})</source>
        <translation>“{field}”无法按原样导入（{detail}）</translation>
    </message>
    <message>
        <source>would be merged into {existing}</source>
        <translation>将合并到 {existing}</translation>
    </message>
    <message>
        <source>merged with {existing}</source>
        <translation>已与 {existing} 合并</translation>
    </message>
    <message>
        <source>a record with this identifier is already in the library</source>
        <translation>库中已有具有此标识符的记录</translation>
    </message>
    <message>
        <source>the library refused it ({detail})</source>
        <translation>库拒绝了它（{detail}）</translation>
    </message>
    <message>
        <source>no ER line before the next entry (line {line})</source>
        <translation>下一条目之前缺少 ER 行（第 {line} 行）</translation>
    </message>
    <message>
        <source>text outside any entry ignored on line(s) {lines}</source>
        <translation>已忽略条目之外的文本，行：{lines}</translation>
    </message>
    <message>
        <source>unknown tag {tag} (line {line}) ignored</source>
        <translation>已忽略未知标记 {tag}（第 {line} 行）</translation>
    </message>
    <message>
        <source>the file ended without an ER line</source>
        <translation>文件结束时没有 ER 行</translation>
    </message>
</context>
<context>
    <name>lock_screen</name>
    <message>
        <source>Too short: at least 8 characters.</source>
        <translation>太短：至少 8 个字符。</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>强。</translation>
    </message>
    <message>
        <source>Good. A few more words make it stronger.</source>
        <translation>良好。再加几个词会更强。</translation>
    </message>
    <message>
        <source>Weak: use several words, 16 characters or more.</source>
        <translation>弱：请使用多个词，16 个字符或更多。</translation>
    </message>
</context>
<context>
    <name>match</name>
    <message>
        <source>both about {terms}</source>
        <translation>都涉及{terms}</translation>
    </message>
    <message>
        <source>same target {targets}</source>
        <translation>相同目标 {targets}</translation>
    </message>
    <message>
        <source>same subject: {subjects}</source>
        <translation>相同主题：{subjects}</translation>
    </message>
    <message>
        <source>same country: {countries}</source>
        <translation>同一国家：{countries}</translation>
    </message>
    <message>
        <source>speaks {languages}</source>
        <translation>使用{languages}</translation>
    </message>
    <message>
        <source>shares the words {words}</source>
        <translation>共同词语：{words}</translation>
    </message>
</context>
<context>
    <name>report</name>
    <message>
        <source>GBF report: target {number}</source>
        <translation>框架报告：行动目标 {number}</translation>
    </message>
    <message>
        <source>GBF report</source>
        <translation>框架报告</translation>
    </message>
    <message>
        <source>Target {number}: {title}</source>
        <translation>行动目标 {number}：{title}</translation>
    </message>
    <message>
        <source>Shared with the CHM</source>
        <translation>已与信息交换所机制共享</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>等待发送</translation>
    </message>
    <message>
        <source>Refused by the CHM</source>
        <translation>被信息交换所机制拒绝</translation>
    </message>
    <message>
        <source>Withdrawn from the CHM</source>
        <translation>已从信息交换所机制撤回</translation>
    </message>
    <message>
        <source>Consent valid</source>
        <translation>同意有效</translation>
    </message>
    <message>
        <source>Library {library}, {date}. {records} public records; {covered} of {targets} targets covered. Records that are not public are never part of this report.</source>
        <translation>资料库 {library}，{date}。公开记录 {records} 条；{targets} 个行动目标中覆盖 {covered} 个。非公开记录从不列入本报告。</translation>
    </message>
    <message>
        <source> · </source>
        <comment>separates a record&apos;s type, community and date</comment>
        <translation> · </translation>
    </message>
    <message>
        <source>Consent expiring within {days} days</source>
        <translation>同意将在{days}天内到期</translation>
    </message>
    <message>
        <source>Consent expired</source>
        <translation>同意已过期</translation>
    </message>
    <message>
        <source>Consent withdrawn</source>
        <translation>同意已撤回</translation>
    </message>
    <message>
        <source>Contributions of communities</source>
        <translation>各社区的贡献</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Sharing with the CHM</source>
        <translation>与信息交换所机制共享</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>Coverage per target</source>
        <translation>各行动目标的覆盖情况</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>行动目标</translation>
    </message>
    <message>
        <source>Public records</source>
        <translation>公开记录</translation>
    </message>
    <message>
        <source>On the CHM:</source>
        <translation>在信息交换所机制上：</translation>
    </message>
    <message>
        <source>No public record covers this target yet.</source>
        <translation>尚无公开记录涉及该行动目标。</translation>
    </message>
    <message>
        <source>Reasons for refusals</source>
        <translation>拒绝原因</translation>
    </message>
    <message>
        <source>No font on this system draws {scripts}: the PDF would show empty boxes, so it was not written. Install fonts for it (e.g. {packages}) or write the report as HTML or Markdown.</source>
        <translation>此系统中没有字体能显示{scripts}：PDF 将显示空白方框，因此未写入。请为其安装字体（例如 {packages}），或将报告写成 HTML 或 Markdown。</translation>
    </message>
</context>
<context>
    <name>trash</name>
    <message>
        <source>Empty trash</source>
        <translation>清空回收站</translation>
    </message>
    <message>
        <source>Forget every deleted record you may remove, with its files?

This cannot be undone.</source>
        <translation>永久清除您可移除的所有已删除记录及其文件？

此操作无法撤销。</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>edit of “{title}”</source>
        <translation>对“{title}”的编辑</translation>
    </message>
</context>
</TS>
