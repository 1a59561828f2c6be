<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="38"/>
        <source>About Lianxin</source>
        <translation>关于连心</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="42"/>
        <source>Lianxin</source>
        <translation>连心</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="46"/>
        <source>Records and study for Party branches at overseas project sites. Works offline; everything on this computer is encrypted.</source>
        <translation>为海外项目党支部提供党务台账与学习平台。离线可用；本机保存的全部数据均已加密。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="69"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="63"/>
        <source>source tree</source>
        <translation>源代码运行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="70"/>
        <source>Build date</source>
        <translation>构建日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="71"/>
        <source>Commit</source>
        <translation>代码版本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="72"/>
        <source>SQLCipher</source>
        <translation>SQLCipher</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="73"/>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="74"/>
        <source>Python</source>
        <translation>Python</translation>
    </message>
</context>
<context>
    <name>AccountPage</name>
    <message>
        <location filename="../../desktop/ui/first_run.py" line="78"/>
        <source>Your user</source>
        <translation>您的用户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_run.py" line="81"/>
        <source>You will be the branch secretary on this computer, and can add other users later. Your password protects all the branch&apos;s records: choose it well.</source>
        <translation>您将成为本机的支部书记，之后可以添加其他用户。您的密码保护着支部的全部台账，请认真设置。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_run.py" line="92"/>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_run.py" line="98"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_run.py" line="120"/>
        <source>Creating the encrypted database… this takes a few seconds.</source>
        <translation>正在创建加密数据库……需要几秒钟。</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <location filename="../../desktop/ui/pages/user_dialogs.py" line="31"/>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/user_dialogs.py" line="39"/>
        <source>Each person who uses this computer gets their own user and password. Officers keep the records; members see their own record and study.</source>
        <translation>每位使用本机的人都有自己的用户和密码。支部委员负责维护台账；党员可查看本人信息并参加学习。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/user_dialogs.py" line="45"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/user_dialogs.py" line="46"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <location filename="../../desktop/ui/controller.py" line="156"/>
        <source>Lianxin</source>
        <extracomment>The main window opened for a user (tests wait for it). The app locked: the database is closed and the unlock screen shown. HQ&apos;s wipe order was carried out: the data folder is empty, first run is shown.</extracomment>
        <translation>连心</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="157"/>
        <source>HQ reported this computer lost: the branch&apos;s data on it was destroyed.</source>
        <translation>总部已将本机登记为遗失：本机上的支部数据已被销毁。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="159"/>
        <source>If this computer was not lost, call HQ. To use Lianxin here again, set it up anew and connect it to HQ with a new enrolment code.</source>
        <translation>如果本机并未遗失，请联系总部。如需在本机继续使用连心，请重新设置，并用新的接入码连接总部。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="164"/>
        <source>The keys were destroyed, so the data can no longer be read, but some files could not be deleted. The log says which.</source>
        <translation>密钥已销毁，数据已无法读取，但有些文件未能删除，详见日志。</translation>
    </message>
</context>
<context>
    <name>BranchPage</name>
    <message>
        <location filename="../../desktop/ui/first_run.py" line="46"/>
        <source>Welcome to Lianxin</source>
        <translation>欢迎使用连心</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_run.py" line="49"/>
        <source>Lianxin keeps your branch&apos;s records and study material on this computer, encrypted, and works without a network. First, name your organisation and branch.</source>
        <translation>连心将支部的台账和学习资料加密保存在本机，没有网络也能使用。首先，请填写上级党组织和本支部的名称。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_run.py" line="56"/>
        <source>e.g. Party Committee of the Overseas Division</source>
        <translation>例如：海外事业部党委</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_run.py" line="60"/>
        <source>e.g. Temporary Branch of the Port Project</source>
        <translation>例如：港口项目临时党支部</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_run.py" line="62"/>
        <source>Organisation</source>
        <translation>上级党组织</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_run.py" line="63"/>
        <source>Branch</source>
        <translation>党支部</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_run.py" line="67"/>
        <source>The data will be kept in: {folder}</source>
        <translation>数据将保存在：{folder}</translation>
    </message>
</context>
<context>
    <name>ChangeOwnPasswordDialog</name>
    <message>
        <location filename="../../desktop/ui/pages/user_dialogs.py" line="105"/>
        <source>Change my password</source>
        <translation>修改我的密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/user_dialogs.py" line="109"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/user_dialogs.py" line="110"/>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
</context>
<context>
    <name>ChangeRoleDialog</name>
    <message>
        <location filename="../../desktop/ui/pages/user_dialogs.py" line="87"/>
        <source>Change role</source>
        <translation>更改角色</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/user_dialogs.py" line="90"/>
        <source>What may {name} do on this computer?</source>
        <translation>{name} 在本机上可以做什么？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/user_dialogs.py" line="93"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
</context>
<context>
    <name>CloseCaseDialog</name>
    <message>
        <location filename="../../desktop/ui/pages/development_dialogs.py" line="358"/>
        <source>Close the case of %1</source>
        <translation>关闭 %1 的发展档案</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_dialogs.py" line="362"/>
        <source>A closed case takes no more steps; its file and scans are kept. Say why it ends (application withdrawn, moved to another unit, not admitted).</source>
        <translation>关闭后不再记录步骤，材料和扫描件予以保留。请说明原因（撤回申请、调往其他单位、未被接收等）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_dialogs.py" line="371"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>ConflictEditDialog</name>
    <message>
        <location filename="../../desktop/ui/pages/sync_dialogs.py" line="120"/>
        <source>Edit the value</source>
        <translation>修改字段值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_dialogs.py" line="123"/>
        <source>{field} of {record}: enter the value the record should have.</source>
        <translation>{record}的{field}：请输入该记录应有的值。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_dialogs.py" line="129"/>
        <location filename="../../desktop/ui/pages/sync_dialogs.py" line="135"/>
        <source>{value}  ({who})</source>
        <translation>{value}（{who}）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_dialogs.py" line="145"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_dialogs.py" line="147"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_dialogs.py" line="148"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_dialogs.py" line="161"/>
        <source>Current value</source>
        <translation>当前值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_dialogs.py" line="162"/>
        <source>Overwritten value</source>
        <translation>被覆盖的值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_dialogs.py" line="163"/>
        <source>New value</source>
        <translation>新值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_dialogs.py" line="165"/>
        <source>The new value is saved as an edit of yours and sent to HQ with the next sync.</source>
        <translation>新值将作为您的修改保存，并在下次同步时发送到总部。</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <location filename="../../desktop/ui/pages/conflicts_page.py" line="40"/>
        <source>Conflicts</source>
        <extracomment>Starting widths of the columns (pixels); the last one stretches.</extracomment>
        <translation>同步冲突</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/conflicts_page.py" line="44"/>
        <source>When two computers changed the same field before they synced, the later change was kept everywhere and the other value was set aside. Decide which value the record keeps: your decision is sent to HQ with the next sync.</source>
        <translation>两台电脑在同步前修改了同一字段时，各处都保留较晚的修改，另一个值暂存在这里。请决定记录保留哪个值：您的决定将在下次同步时发送到总部。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/conflicts_page.py" line="75"/>
        <source>Keep current value</source>
        <translation>保留当前值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/conflicts_page.py" line="76"/>
        <source>Restore the other value</source>
        <translation>恢复另一值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/conflicts_page.py" line="77"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/conflicts_page.py" line="115"/>
        <source>%Ln conflict(s) to review</source>
        <translation>
            <numerusform>待处理冲突 %Ln 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/conflicts_page.py" line="118"/>
        <source>%Ln reviewed, sent with the next sync</source>
        <translation>
            <numerusform>已处理 %Ln 项，将在下次同步时发送</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/conflicts_page.py" line="147"/>
        <source>Reviewed on this computer; the decision is sent to HQ with the next sync.</source>
        <translation>已在本机处理，处理结果将在下次同步时发送到总部。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/conflicts_page.py" line="151"/>
        <source>{record} was deleted on one computer while {field} was changed on another. The delete was kept, so the overwritten value cannot be restored: to keep it, add the record again.</source>
        <translation>{record}在一台电脑上被删除，同时其{field}在另一台电脑上被修改。删除已生效，被覆盖的值无法恢复：如需保留，请重新添加该记录。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/conflicts_page.py" line="156"/>
        <source>{field} of {record} was changed on two computers at once. &quot;Keep current value&quot; lets the other value go; &quot;Restore the other value&quot; writes it back.</source>
        <translation>{record}的{field}同时在两台电脑上被修改。“保留当前值”将放弃另一值；“恢复另一值”将把它写回记录。</translation>
    </message>
</context>
<context>
    <name>Development</name>
    <message>
        <location filename="../../desktop/domain/development.py" line="77"/>
        <source>Application</source>
        <extracomment>Not a rule: how far ahead the pipeline looks for &quot;due soon&quot;.</extracomment>
        <translation>申请入党</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="78"/>
        <source>Activist</source>
        <translation>入党积极分子</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="79"/>
        <source>Development target</source>
        <translation>发展对象</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="80"/>
        <source>Admission</source>
        <translation>预备党员的接收</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="81"/>
        <source>Probation and conversion</source>
        <translation>预备期与转正</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="85"/>
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="86"/>
        <source>failed</source>
        <translation>未通过</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="87"/>
        <source>approved</source>
        <translation>批准</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="88"/>
        <source>rejected</source>
        <translation>未批准</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="89"/>
        <source>converted</source>
        <translation>按期转正</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="90"/>
        <source>probation extended</source>
        <translation>延长预备期</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="94"/>
        <source>talked with the applicant</source>
        <translation>谈话人</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="95"/>
        <source>contact</source>
        <translation>培养联系人</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="96"/>
        <source>introducer</source>
        <translation>入党介绍人</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="97"/>
        <source>present</source>
        <translation>参加人</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="125"/>
        <source>Written application</source>
        <extracomment>The people must be full members on the roster (contacts, introducers). Recorded again and again (the six-monthly reviews of an activist).</extracomment>
        <translation>递交入党申请书</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="126"/>
        <source>Talk with the applicant</source>
        <translation>党组织派人谈话</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="127"/>
        <source>Activist recommended and decided</source>
        <translation>推荐和确定入党积极分子</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="128"/>
        <source>Activist filed with the higher committee</source>
        <translation>积极分子报上级党委备案</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="129"/>
        <source>Contacts assigned</source>
        <translation>指定培养联系人</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="130"/>
        <source>Education and review</source>
        <translation>培养教育考察</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="131"/>
        <source>Development target decided</source>
        <translation>确定发展对象</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="132"/>
        <source>Target filed with the higher committee</source>
        <translation>发展对象报上级党委备案</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="134"/>
        <source>Introducers assigned</source>
        <translation>确定入党介绍人</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="136"/>
        <source>Political review</source>
        <translation>进行政治审查</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="137"/>
        <source>Concentrated training</source>
        <translation>开展集中培训</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="138"/>
        <source>Branch committee review</source>
        <translation>支部委员会审查</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="139"/>
        <source>Higher committee pre-review</source>
        <translation>上级党委预审</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="140"/>
        <source>Application form filled in</source>
        <translation>填写入党志愿书</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="142"/>
        <source>Branch general meeting vote</source>
        <translation>支部大会讨论</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="144"/>
        <source>Talk by the higher committee</source>
        <translation>上级党委派人谈话</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="146"/>
        <source>Higher committee approval</source>
        <translation>上级党委审批</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="148"/>
        <source>Filed with the organisation department</source>
        <translation>再上级党委组织部门备案</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="149"/>
        <source>Placed in a branch and group</source>
        <translation>编入党支部和党小组</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="150"/>
        <source>Admission oath</source>
        <translation>入党宣誓</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="151"/>
        <source>Continued education and review</source>
        <translation>继续教育考察</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="152"/>
        <source>Application for conversion</source>
        <translation>提出转正申请</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="156"/>
        <source>Branch general meeting on conversion</source>
        <translation>支部大会讨论转正</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="162"/>
        <source>Higher committee approval of conversion</source>
        <translation>上级党委审批转正</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="165"/>
        <source>File archived</source>
        <translation>材料归档</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development_due.py" line="44"/>
        <source>Talk with the applicant by {date}</source>
        <extracomment>Kinds of dates a case waits for; `deadline` ones become overdue, the others are the first day something is allowed.</extracomment>
        <translation>须在 {date} 前与申请人谈话</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development_due.py" line="45"/>
        <source>Next six-monthly review by {date}</source>
        <translation>下次半年考察须在 {date} 前进行</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development_due.py" line="46"/>
        <source>May become a development target from {date}</source>
        <translation>自 {date} 起可确定为发展对象</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development_due.py" line="47"/>
        <source>Higher committee approval by {date}</source>
        <translation>上级党委须在 {date} 前审批</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development_due.py" line="48"/>
        <source>Probation ends {date}: conversion due</source>
        <translation>预备期于 {date} 届满，应讨论转正</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_models.py" line="186"/>
        <source>%1 days, %2 class hours</source>
        <translation>%1 天，%2 学时</translation>
    </message>
</context>
<context>
    <name>DevelopmentCasesModel</name>
    <message>
        <location filename="../../desktop/ui/pages/development_models.py" line="53"/>
        <source>Name</source>
        <extracomment>The case&apos;s id (cases) or the step&apos;s number (steps). The root of a flat table: its rows have no parent.</extracomment>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_models.py" line="54"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_models.py" line="55"/>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_models.py" line="59"/>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_models.py" line="60"/>
        <source>Probationary member</source>
        <translation>预备党员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_models.py" line="61"/>
        <source>Converted</source>
        <translation>已转正</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_models.py" line="62"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_models.py" line="117"/>
        <source>Overdue since %1</source>
        <translation>已于 %1 逾期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_models.py" line="126"/>
        <source>Next step: %1</source>
        <translation>下一步：%1</translation>
    </message>
</context>
<context>
    <name>DevelopmentPage</name>
    <message>
        <location filename="../../desktop/ui/pages/development_page.py" line="68"/>
        <source>Member development</source>
        <extracomment>The filters of the case list, as the domain names them.</extracomment>
        <translation>发展党员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_page.py" line="71"/>
        <source>All stages</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_page.py" line="75"/>
        <source>All cases</source>
        <translation>全部对象</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_page.py" line="76"/>
        <source>Due soon or overdue</source>
        <translation>即将到期或已逾期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_page.py" line="77"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_page.py" line="78"/>
        <source>Show closed cases</source>
        <translation>显示已关闭的档案</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_page.py" line="79"/>
        <source>New case…</source>
        <translation>新建发展档案…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_page.py" line="121"/>
        <source>Record step…</source>
        <translation>记录步骤…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_page.py" line="122"/>
        <source>Attach scan…</source>
        <translation>附加扫描件…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_page.py" line="123"/>
        <source>Close case…</source>
        <translation>关闭档案…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/development_page.py" line="174"/>
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n 份发展档案</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_page.py" line="212"/>
        <source>No case selected</source>
        <translation>未选择发展档案</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_page.py" line="222"/>
        <source>Closed: %1</source>
        <translation>已关闭：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_page.py" line="278"/>
        <source>Attach a scan</source>
        <translation>附加扫描件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_page.py" line="280"/>
        <source>Scans and documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;All files (*)</source>
        <translation>扫描件和文档 (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>DevelopmentStepsModel</name>
    <message>
        <location filename="../../desktop/ui/pages/development_models.py" line="150"/>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_models.py" line="151"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_models.py" line="152"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_models.py" line="153"/>
        <source>Scans</source>
        <translation>扫描件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_models.py" line="157"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_models.py" line="158"/>
        <source>Done late</source>
        <translation>逾期完成</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_models.py" line="159"/>
        <source>Due</source>
        <translation>待办</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_models.py" line="160"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_models.py" line="161"/>
        <source>Not yet allowed</source>
        <translation>尚不可办理</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_models.py" line="162"/>
        <source>Waiting</source>
        <translation>待前序步骤</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_models.py" line="246"/>
        <source>%1 (from %2)</source>
        <translation>%1（%2 起）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_models.py" line="247"/>
        <source>%1 (by %2)</source>
        <translation>%1（%2 前）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_models.py" line="265"/>
        <source>Scans: %1</source>
        <translation>扫描件：%1</translation>
    </message>
</context>
<context>
    <name>Duplicates</name>
    <message>
        <location filename="../../desktop/domain/duplicates.py" line="27"/>
        <source>same ID number</source>
        <extracomment>SQLite&apos;s limit on bound parameters is 32,766; stay well below it.</extracomment>
        <translation>身份证号相同</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/duplicates.py" line="28"/>
        <source>same name and birth date</source>
        <translation>姓名和出生日期相同</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <location filename="../../desktop/ui/pages/members_page.py" line="247"/>
        <source>Possible duplicates</source>
        <translation>疑似重复的党员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/members_page.py" line="249"/>
        <source>Looking for possible duplicates…</source>
        <translation>正在查找疑似重复的党员…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/members_page.py" line="252"/>
        <source>Member</source>
        <translation>党员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/members_page.py" line="252"/>
        <source>Record id</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/members_page.py" line="273"/>
        <source>{count} group(s) of members may be the same person. Double-click one to open their record.</source>
        <translation>有 {count} 组党员可能是同一人。双击可打开其档案。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/members_page.py" line="277"/>
        <source>No possible duplicates on the roster.</source>
        <translation>名册中没有疑似重复的党员。</translation>
    </message>
</context>
<context>
    <name>ElectionDialog</name>
    <message>
        <location filename="../../desktop/ui/pages/org_dialogs.py" line="223"/>
        <source>New election</source>
        <translation>换届选举</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_dialogs.py" line="229"/>
        <source>Record the election held by {name}. It has {count} full members in good standing: with 7 or more it elects a committee, otherwise a secretary and possibly a deputy. The current term ends on the election day.</source>
        <translation>登记 {name} 的换届选举。该组织有 {count} 名状态正常的正式党员：7 名及以上选举委员会，不足 7 名选举书记，必要时设副书记。本届任期于选举当日结束。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_dialogs.py" line="241"/>
        <source> years</source>
        <translation> 年</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_dialogs.py" line="249"/>
        <source>Votes, who presided, the higher committee&apos;s reply</source>
        <translation>得票情况、主持人、上级党组织批复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_dialogs.py" line="251"/>
        <source>Election date</source>
        <translation>选举日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_dialogs.py" line="252"/>
        <source>Body elected</source>
        <translation>选举产生</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_dialogs.py" line="253"/>
        <source>Term starts</source>
        <translation>任期开始</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_dialogs.py" line="257"/>
        <source>Term length</source>
        <translation>任期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_dialogs.py" line="258"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_dialogs.py" line="261"/>
        <source>Post</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_dialogs.py" line="261"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_dialogs.py" line="261"/>
        <source>Roster</source>
        <translation>名册</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_dialogs.py" line="267"/>
        <source>Remove post</source>
        <translation>删除职务</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_dialogs.py" line="275"/>
        <source>Find a full member, or type a name</source>
        <translation>查找正式党员，或直接输入姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_dialogs.py" line="279"/>
        <source>Add post</source>
        <translation>添加职务</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_dialogs.py" line="291"/>
        <source>Posts</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_dialogs.py" line="330"/>
        <source>ends on {date}</source>
        <translation>至 {date} 届满</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_dialogs.py" line="376"/>
        <source>on the roster</source>
        <translation>在名册中</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_dialogs.py" line="376"/>
        <source>by name</source>
        <translation>仅姓名</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <location filename="../../desktop/ui/pages/sync_dialogs.py" line="57"/>
        <source>Connect to HQ</source>
        <extracomment>Asks for a file to open: (parent, title, start folder, filter) -&gt; path or &quot;&quot;. Tests replace it, as a file dialog would wait for a person.</extracomment>
        <translation>连接总部</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_dialogs.py" line="61"/>
        <source>HQ gives each computer a one-time enrolment code (valid for 24 hours). After connecting, this computer&apos;s records belong to the unit HQ enrolled it for, and changes are exchanged with HQ whenever there is a link.</source>
        <translation>总部为每台电脑发放一次性接入码（24 小时内有效）。连接后，本机的记录归属于总部指定的组织；只要有网络连接，本机就会与总部交换更改。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_dialogs.py" line="70"/>
        <source>as HQ gave it, e.g. ABCD-EFGH-JKLM</source>
        <translation>按总部提供的原样填写，如 ABCD-EFGH-JKLM</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_dialogs.py" line="73"/>
        <source>needed for an https:// address</source>
        <translation>https:// 地址必须提供</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_dialogs.py" line="74"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_dialogs.py" line="80"/>
        <source>HQ address</source>
        <translation>总部地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_dialogs.py" line="81"/>
        <source>Enrolment code</source>
        <translation>接入码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_dialogs.py" line="82"/>
        <source>HQ&apos;s certificate</source>
        <translation>总部证书</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_dialogs.py" line="85"/>
        <source>The certificate file comes from HQ with the code. Lianxin then trusts only that certificate for this HQ.</source>
        <translation>证书文件由总部随接入码一并提供。此后连心与总部通信时只信任该证书。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_dialogs.py" line="103"/>
        <source>Choose HQ&apos;s certificate</source>
        <translation>选择总部证书</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_dialogs.py" line="105"/>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>证书文件 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="271"/>
        <source>Edit entry</source>
        <translation>编辑条目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="271"/>
        <source>Add entry</source>
        <translation>添加条目</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../desktop/domain/access.py" line="20"/>
        <source>see the whole roster</source>
        <translation>查看全部党员名册</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/access.py" line="21"/>
        <source>change member records</source>
        <translation>修改党员信息</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/access.py" line="22"/>
        <source>manage users of this computer</source>
        <translation>管理本机用户</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/access.py" line="23"/>
        <source>check the audit trail</source>
        <translation>检查审计记录</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/access.py" line="24"/>
        <source>change the data folder</source>
        <translation>更改数据文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/access.py" line="28"/>
        <source>review conflicting changes</source>
        <extracomment>Keep, restore or edit a value that a concurrent edit overwrote (a synced change).</extracomment>
        <translation>处理同步冲突</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/access.py" line="31"/>
        <source>connect this computer to HQ</source>
        <extracomment>Enrolment re-owns every record for HQ&apos;s unit: the secretary&apos;s decision.</extracomment>
        <translation>将本机连接到总部</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/access.py" line="33"/>
        <source>see the org tree and committees</source>
        <extracomment>The org tree with member counts, committee terms and their warnings.</extracomment>
        <translation>查看组织架构和委员会</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/access.py" line="37"/>
        <source>change org units and committee terms</source>
        <extracomment>Add and close units, record elections (换届) and end terms.</extracomment>
        <translation>修改组织单位和委员会任期</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/access.py" line="42"/>
        <source>transfer members and record floating members</source>
        <extracomment>Issue, cancel and receipt transfer letters; record floating members.</extracomment>
        <translation>办理组织关系转接和登记流动党员</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/access.py" line="45"/>
        <source>see development cases</source>
        <extracomment>Development files (发展党员): applicants&apos; cases, their steps and scans.</extracomment>
        <translation>查看发展党员档案</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/access.py" line="46"/>
        <source>keep development cases</source>
        <translation>管理发展党员档案</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development_cases.py" line="57"/>
        <source>Enter the applicant&apos;s name.</source>
        <extracomment>The applicant&apos;s details a case keeps (the member record is made from them at admission).</extracomment>
        <translation>请填写申请人姓名。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development_cases.py" line="65"/>
        <location filename="../../desktop/domain/transfer_receipts.py" line="188"/>
        <source>The ID number {number} is not valid (check digit or date).</source>
        <translation>身份证号 {number} 无效（校验位或日期有误）。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development_cases.py" line="92"/>
        <source>Enter the applicant&apos;s date of birth or ID number: an applicant must be at least {age} years old.</source>
        <translation>请填写申请人的出生日期或身份证号：申请人须年满 {age} 周岁。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development_cases.py" line="145"/>
        <source>The concentrated training needs at least {days} days or {hours} class hours.</source>
        <translation>集中培训时间不少于 {days} 天或 {hours} 个学时。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development_cases.py" line="277"/>
        <source>Say why the case is closed.</source>
        <translation>请说明关闭档案的原因。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development_cases.py" line="281"/>
        <source>This development case is already closed.</source>
        <translation>该发展档案已经关闭。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/users.py" line="40"/>
        <location filename="../../desktop/domain/users.py" line="60"/>
        <source>Unknown role {role}.</source>
        <translation>未知角色：{role}。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/users.py" line="97"/>
        <source>There is no such user.</source>
        <translation>没有这个用户。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="23"/>
        <location filename="../../desktop/ui/errors.py" line="61"/>
        <source>Something went wrong.</source>
        <extracomment>Exit code the CLI uses for this error.</extracomment>
        <translation>出现了问题。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="50"/>
        <source>This copy of Lianxin cannot encrypt its database, so it will not open it.</source>
        <translation>此连心程序无法加密数据库，因此不会打开它。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="53"/>
        <source>Reinstall Lianxin from the official package.</source>
        <translation>请使用官方安装包重新安装连心。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="57"/>
        <source>The database could not be decrypted with this key.</source>
        <translation>无法用此密钥解密数据库。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="58"/>
        <source>If the password was accepted, the data file may be damaged: restore it from a backup or ask HQ to resend your branch&apos;s data.</source>
        <translation>如果密码已被接受，数据文件可能已损坏：请从备份恢复，或请总部重新发送本支部的数据。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="66"/>
        <source>The database is damaged: {detail}</source>
        <translation>数据库已损坏：{detail}</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="67"/>
        <source>Restore it from a backup, or ask HQ to resend your branch&apos;s data.</source>
        <translation>请从备份恢复，或请总部重新发送本支部的数据。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="71"/>
        <source>No Lianxin data was found in {path}.</source>
        <translation>在 {path} 中没有找到连心数据。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="72"/>
        <source>Run the first-run setup, or choose the right data folder.</source>
        <translation>请进行首次设置，或选择正确的数据文件夹。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="76"/>
        <source>Lianxin data already exists in {path}.</source>
        <translation>{path} 中已有连心数据。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="77"/>
        <source>Open it instead, or choose an empty folder.</source>
        <translation>请直接打开它，或选择一个空文件夹。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="81"/>
        <source>This data was written by a newer version of Lianxin (format {found}; this version understands up to {supported}). Nothing was changed.</source>
        <translation>这些数据由更新版本的连心写入（格式 {found}；本版本最高支持 {supported}）。未做任何改动。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="86"/>
        <source>Update Lianxin to open it.</source>
        <translation>请升级连心后再打开。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="90"/>
        <source>The key file of this data folder is damaged or was altered: {detail}</source>
        <translation>此数据文件夹的密钥文件已损坏或被改动：{detail}</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="91"/>
        <source>Restore the folder from a backup, or ask HQ for recovery.</source>
        <translation>请从备份恢复该文件夹，或请总部协助恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="95"/>
        <source>Wrong user name or password ({failures} failed attempts).</source>
        <translation>用户名或密码错误（已失败 {failures} 次）。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="96"/>
        <source>Wait {wait:.0f} seconds before the next try.</source>
        <translation>请等待 {wait:.0f} 秒后再试。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="104"/>
        <source>Too many failed attempts for {user}.</source>
        <translation>{user} 的失败尝试次数过多。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="105"/>
        <source>Try again in {wait:.0f} seconds.</source>
        <translation>请在 {wait:.0f} 秒后重试。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="109"/>
        <source>The account {user} is locked after {failures} wrong passwords.</source>
        <translation>用户 {user} 因 {failures} 次密码错误已被锁定。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="110"/>
        <source>Ask the branch secretary to reset the password, or use the recovery code.</source>
        <translation>请支部书记重设密码，或使用恢复码。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="116"/>
        <source>There is no user called {user} on this computer.</source>
        <translation>本机上没有名为 {user} 的用户。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="117"/>
        <source>Check the spelling, or ask the branch secretary to add you.</source>
        <translation>请检查拼写，或请支部书记为您添加用户。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="121"/>
        <source>A user called {user} already exists.</source>
        <translation>名为 {user} 的用户已存在。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="122"/>
        <source>Choose another name.</source>
        <translation>请换一个名字。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="126"/>
        <source>{user} is the last secretary on this computer.</source>
        <translation>{user} 是本机上唯一的书记。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="127"/>
        <source>Make another user secretary first.</source>
        <translation>请先将另一位用户设为书记。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="131"/>
        <source>The password is too short: use at least {minimum} characters.</source>
        <translation>密码太短：至少需要 {minimum} 个字符。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="135"/>
        <source>A user name needs 1 to 32 characters without spaces at either end.</source>
        <translation>用户名需要 1 到 32 个字符，且首尾不能有空格。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="139"/>
        <source>The recovery code does not open this data.</source>
        <translation>此恢复码无法打开这些数据。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="140"/>
        <source>Check the code (letters and digits; dashes are optional) or ask HQ.</source>
        <translation>请核对恢复码（字母和数字，短横线可省略），或联系总部。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="144"/>
        <source>Lianxin is locked.</source>
        <translation>连心已锁定。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="145"/>
        <source>Unlock it with your password.</source>
        <translation>请用您的密码解锁。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="152"/>
        <source>Unknown kind of record: {table}.</source>
        <translation>未知的记录类型：{table}。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="156"/>
        <source>{column}: {problem}</source>
        <translation>{column}：{problem}</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="160"/>
        <source>The record {row_id} does not exist or was deleted.</source>
        <translation>记录 {row_id} 不存在或已被删除。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="167"/>
        <source>Your role ({role}) does not allow this: {action}.</source>
        <translation>您的角色（{role}）无权{action}。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="168"/>
        <source>Ask the branch secretary if you need it.</source>
        <translation>如有需要，请联系支部书记。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/errors.py" line="174"/>
        <source>Invalid input: {detail}</source>
        <translation>输入有误：{detail}</translation>
    </message>
    <message>
        <location filename="../../desktop/store/records.py" line="230"/>
        <location filename="../../desktop/store/schema/registry.py" line="284"/>
        <source>no such field</source>
        <extracomment>One change as the change log stores it: (row_id, tbl, col, value, hlc, base_hlc, author, device, device_seq) Marks a change that will get a device_seq when its transaction is sealed. The local user id stamped on every change (set at unlock).
----------
The column a change names when it creates a row. Its value is a JSON object of every field the row was created with (owner and audience included); all of them share the change&apos;s stamp and have no base version. Per-field merge treats it exactly as that many field changes (`expand_change`); logging a creation once instead of once per field keeps an import&apos;s change log, and a device&apos;s first sync, about 18 times smaller. One encoder for every created row (json.dumps would build one per call: a first pull logs 100,000 rows). No circular check: a row&apos;s fields are flat database values. Columns every record table has, managed by the store (never declared by features). `owner_org` and `audience` are synced like any other field (a transfer moves a row). For Scope.PERSONAL: the column holding the member id the row is about. Short description for developers and the export sheet name. Set on a receipt table whose rows move a member to the receiving unit at HQ.</extracomment>
        <translation>没有此字段</translation>
    </message>
    <message>
        <location filename="../../desktop/store/records.py" line="233"/>
        <location filename="../../desktop/store/schema/registry.py" line="105"/>
        <source>required</source>
        <extracomment>Longest text a column takes unless it says otherwise (minutes, notes fit; files do not).</extracomment>
        <translation>必填</translation>
    </message>
    <message>
        <location filename="../../desktop/store/schema/registry.py" line="110"/>
        <source>must be text</source>
        <translation>必须是文字</translation>
    </message>
    <message>
        <location filename="../../desktop/store/schema/registry.py" line="113"/>
        <location filename="../../desktop/store/schema/registry.py" line="142"/>
        <source>longer than the limit</source>
        <translation>超过长度限制</translation>
    </message>
    <message>
        <location filename="../../desktop/store/schema/registry.py" line="115"/>
        <source>not one of the choices</source>
        <translation>不是可选项之一</translation>
    </message>
    <message>
        <location filename="../../desktop/store/schema/registry.py" line="119"/>
        <source>must be yes or no</source>
        <translation>必须是“是”或“否”</translation>
    </message>
    <message>
        <location filename="../../desktop/store/schema/registry.py" line="123"/>
        <source>must be a whole number</source>
        <translation>必须是整数</translation>
    </message>
    <message>
        <location filename="../../desktop/store/schema/registry.py" line="125"/>
        <source>number out of range</source>
        <translation>数值超出范围</translation>
    </message>
    <message>
        <location filename="../../desktop/store/schema/registry.py" line="129"/>
        <source>must be a number</source>
        <translation>必须是数字</translation>
    </message>
    <message>
        <location filename="../../desktop/store/schema/registry.py" line="135"/>
        <source>must be a date</source>
        <translation>必须是日期</translation>
    </message>
    <message>
        <location filename="../../desktop/store/schema/registry.py" line="139"/>
        <source>must be a list</source>
        <translation>必须是列表</translation>
    </message>
    <message>
        <location filename="../../desktop/store/schema/registry.py" line="145"/>
        <source>must be binary data</source>
        <translation>必须是二进制数据</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="62"/>
        <source>The details were written to the log file. Please tell your branch secretary.</source>
        <translation>详细情况已写入日志文件。请告知支部书记。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="69"/>
        <source>Lianxin</source>
        <translation>连心</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/attachments.py" line="107"/>
        <location filename="../../desktop/domain/members.py" line="475"/>
        <source>There is no file at {path}.</source>
        <extracomment>The content is on this computer (else: not fetched yet; media comes on request). Media this computer asked for; it arrives with the next sync.
----------
What a photo file starts with: JPEG, PNG, WebP (RIFF….WEBP), BMP.</extracomment>
        <translation>{path} 处没有文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/sync_review.py" line="273"/>
        <source>The record {record} was deleted, so the overwritten value cannot be put back. To keep it, add the record again.</source>
        <extracomment>The author&apos;s name when they are a user of this computer. &quot;edit&quot; (two edits of one field) or &quot;delete&quot; (an edit that lost to a delete). Reviewed here; waits to be sent to HQ with the next sync. What a person calls the record (a member&apos;s name), or its id. English, marked for translation in context &quot;Fields&quot;. What the record holds now (None when deleted): what &quot;keep current&quot; keeps. &quot;network&quot;, &quot;cli&quot;, or how a sync file travelled. &quot;ok&quot;, &quot;failed&quot; or &quot;cancelled&quot;.</extracomment>
        <translation>记录“{record}”已被删除，被覆盖的值无法恢复。如需保留，请重新添加该记录。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/sync_review.py" line="292"/>
        <source>The record {record} was deleted, so it cannot be edited. To keep the value, add the record again.</source>
        <translation>记录“{record}”已被删除，无法修改。如需保留该值，请重新添加该记录。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/sync_review.py" line="313"/>
        <source>This conflict was already settled; the list is refreshed.</source>
        <translation>该冲突已被处理，列表已刷新。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/sync_review.py" line="318"/>
        <source>This conflict was already reviewed; the decision waits to be sent.</source>
        <translation>该冲突已经处理过，处理结果正在等待发送。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/sync_review.py" line="343"/>
        <source>{value} is not a number.</source>
        <translation>{value} 不是数字。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/blobs.py" line="89"/>
        <source>An attached file is damaged: {detail}</source>
        <extracomment>Plaintext bytes per chunk: small enough that a seek decrypts little, large enough that the 28 bytes each chunk adds (nonce and tag) stay below 0.05 %. The largest file the store (and HQ) accepts. Files in tmp/ older than this were left by a crash (nothing writes for a day).</extracomment>
        <translation>附件已损坏：{detail}</translation>
    </message>
    <message>
        <location filename="../../desktop/store/blobs.py" line="90"/>
        <source>Sync again to fetch it anew from HQ, or attach the file again.</source>
        <translation>请再次同步，从总部重新获取；或重新添加该附件。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/blobs.py" line="94"/>
        <source>This file is not on this computer yet.</source>
        <translation>本机上还没有此文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/blobs.py" line="95"/>
        <source>Sync with HQ to fetch it, then open it again.</source>
        <translation>请与总部同步以获取该文件，然后再打开。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/blobs.py" line="99"/>
        <source>The file is too large to attach ({size} MiB; at most {limit} MiB).</source>
        <translation>文件过大，无法添加为附件（{size} MiB；上限 {limit} MiB）。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/blobs.py" line="100"/>
        <source>Attach a smaller file, or split it.</source>
        <translation>请添加较小的文件，或将其拆分。</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/bundles.py" line="81"/>
        <source>A sync file cannot be made: {reason}</source>
        <extracomment>A one-time key whose reply has not come back after this long is dropped (the file was lost); its reply, should it still turn up, is then refused as &quot;already imported&quot;.</extracomment>
        <translation>无法生成同步文件：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/bundles.py" line="82"/>
        <source>Nothing was changed. Sync over the network, or ask HQ what to do.</source>
        <translation>未作任何更改。请通过网络同步，或询问总部如何处理。</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/errors.py" line="15"/>
        <source>Sync did not finish.</source>
        <translation>同步未完成。</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/errors.py" line="16"/>
        <source>Nothing was lost. Lianxin will try again.</source>
        <translation>没有数据丢失，连心会再次尝试。</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/errors.py" line="20"/>
        <source>This computer is not yet connected to HQ.</source>
        <translation>本机尚未连接总部。</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/errors.py" line="21"/>
        <source>Ask HQ for an enrolment code, then enter it under Sync → Connect to HQ.</source>
        <translation>请向总部索取接入码，然后在“同步 → 连接总部”中输入。</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/errors.py" line="25"/>
        <source>This computer is already connected to HQ ({server}).</source>
        <translation>本机已连接总部（{server}）。</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/errors.py" line="26"/>
        <source>Nothing needs to be done; use Sync now to exchange changes.</source>
        <translation>无需操作；点击“立即同步”即可交换更改。</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/errors.py" line="32"/>
        <source>HQ could not be reached: {detail}</source>
        <translation>无法连接总部：{detail}</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/errors.py" line="33"/>
        <source>Nothing was lost; changes wait on this computer. Lianxin tries again when the link returns.</source>
        <translation>没有数据丢失，更改保存在本机等待发送。网络恢复后，连心会再次尝试。</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/errors.py" line="41"/>
        <source>HQ refused the request: {reason}</source>
        <translation>总部拒绝了请求：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/errors.py" line="42"/>
        <source>Nothing was lost. If this keeps happening, tell HQ what it says.</source>
        <translation>没有数据丢失。如果反复出现，请把提示内容告知总部。</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/errors.py" line="59"/>
        <source>HQ and this computer use different versions of Lianxin: {reason}</source>
        <extracomment>HQ&apos;s whole answer: the changes it refused, a wipe order, its clock.</extracomment>
        <translation>总部与本机的连心版本不一致：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/errors.py" line="60"/>
        <source>Update Lianxin (or ask HQ to), then sync again. Nothing was lost.</source>
        <translation>请更新连心（或请总部更新）后再同步。没有数据丢失。</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/errors.py" line="64"/>
        <source>HQ no longer accepts this computer: {reason}</source>
        <translation>总部已不再接受本机：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/errors.py" line="65"/>
        <source>Ask HQ whether it was revoked on purpose; to sync again it must be enrolled anew.</source>
        <translation>请向总部确认是否有意停用本机；如需继续同步，必须重新接入。</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/errors.py" line="72"/>
        <source>The enrolment code was not accepted: {reason}</source>
        <translation>接入码未被接受：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/errors.py" line="73"/>
        <source>Check the code (it is valid for 24 hours and works once) or ask HQ for a new one.</source>
        <translation>请检查接入码（24 小时内有效，只能使用一次），或向总部索取新的接入码。</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/errors.py" line="80"/>
        <source>HQ&apos;s certificate could not be verified: {detail}</source>
        <translation>无法验证总部的证书：{detail}</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/errors.py" line="81"/>
        <source>Someone may be intercepting the link, or HQ changed its certificate. Do not sync; call HQ to check.</source>
        <translation>连接可能遭到拦截，或总部更换了证书。请勿同步，并致电总部核实。</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/errors.py" line="89"/>
        <source>This sync file cannot be used: {reason}</source>
        <translation>此同步文件无法使用：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/errors.py" line="90"/>
        <source>Make sure the file was made for this computer (or for HQ) and copied whole, then try again.</source>
        <translation>请确认该文件是为本机（或为总部）生成的，并且已完整复制，然后重试。</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/errors.py" line="98"/>
        <source>Sync was cancelled.</source>
        <translation>同步已取消。</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/errors.py" line="99"/>
        <source>What was already exchanged is kept; the rest goes next time.</source>
        <translation>已交换的内容均已保留，其余部分将在下次同步。</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_development.py" line="108"/>
        <source>No single development case is called {case}: give the case&apos;s id.</source>
        <translation>没有唯一名为 {case} 的发展档案：请提供档案编号。</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_org.py" line="73"/>
        <source>No unit is called {name}: `lianxin-cli org tree` lists them.</source>
        <translation>没有名为 {name} 的组织，可用 `lianxin-cli org tree` 查看全部组织。</translation>
    </message>
    <message>
        <location filename="../../desktop/cli_org.py" line="77"/>
        <source>{count} units have {name} in their name: give more of it, or its id.</source>
        <translation>有 {count} 个组织的名称含有 {name}，请输入更完整的名称或其编号。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/committee_terms.py" line="238"/>
        <source>{name} is not a full member in good standing and cannot hold a post. Choose another member.</source>
        <extracomment>The shortest by default: a warning must never come later than the rule demands. Term lengths by level (Party Constitution 2022, art. 30: 基层委员会、总支部委员会、支部 委员会每届任期三年至五年). A declared default: an HQ with another rule passes its own table to `start_election` and `term_rule`. Full members (category full, status normal) from which a unit elects a committee; a smaller unit has a secretary (支部工作条例 art. 11). Configurable like TERM_RULES. A committee has at least this many people (支部委员会一般由3至5人组成). Posts a secretary-only unit may fill: the secretary and possibly a deputy. The term starts on the election day unless another day is given.</extracomment>
        <translation>{name} 不是状态正常的正式党员，不能担任职务。请选择其他党员。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/committee_terms.py" line="249"/>
        <source>Every post needs the name of who holds it.</source>
        <translation>每个职务都要填写担任人的姓名。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/committee_terms.py" line="253"/>
        <source>{name} is entered twice for the same post.</source>
        <translation>{name} 被重复填入同一职务。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/committee_terms.py" line="260"/>
        <source>A term needs exactly one secretary ({count} entered).</source>
        <translation>每届须有且只有一名书记（已填 {count} 名）。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/committee_terms.py" line="268"/>
        <source>A unit without a committee has a secretary and at most one deputy: remove the other posts.</source>
        <translation>不设委员会的组织只设书记和至多一名副书记，请删除其他职务。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/committee_terms.py" line="278"/>
        <source>A committee has at least {minimum} members ({count} entered): add the other committee members.</source>
        <translation>委员会至少由 {minimum} 人组成（已填 {count} 人），请补充其他委员。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/committee_terms.py" line="295"/>
        <source>The unit has {count} full members in good standing; a committee needs at least {minimum}. Elect a secretary (and possibly a deputy) instead.</source>
        <translation>该组织有 {count} 名状态正常的正式党员，设立委员会至少需要 {minimum} 名。请改为选举书记（必要时设副书记）。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/committee_terms.py" line="305"/>
        <source>The unit has {count} full members in good standing: with {minimum} or more it elects a committee, not only a secretary.</source>
        <translation>该组织有 {count} 名状态正常的正式党员：达到 {minimum} 名及以上应当选举委员会，而不只是书记。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/committee_terms.py" line="331"/>
        <source>{name} is a group: groups have a leader, not an elected committee.</source>
        <translation>{name} 是党小组：党小组设组长，不选举委员会。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/committee_terms.py" line="336"/>
        <source>{name} is closed: it holds no more elections.</source>
        <translation>{name} 已撤销，不再进行选举。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/committee_terms.py" line="340"/>
        <source>The election date {date} is in the future: record it once held.</source>
        <translation>选举日期 {date} 晚于今天，请在选举举行后再登记。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/committee_terms.py" line="345"/>
        <source>A term cannot start before its election.</source>
        <translation>任期开始日期不能早于选举日期。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/committee_terms.py" line="349"/>
        <source>A term lasts {low} to {high} years ({years} entered).</source>
        <translation>每届任期为 {low} 至 {high} 年（已填 {years} 年）。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/committee_terms.py" line="360"/>
        <source>The current term started on {start}: the next election cannot be earlier. Check the election date.</source>
        <translation>本届任期始于 {start}，换届选举不能早于该日期。请核对选举日期。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/committee_terms.py" line="407"/>
        <source>This term already ended on {date}.</source>
        <translation>该届任期已于 {date} 结束。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/committee_terms.py" line="411"/>
        <source>A term ends on the day it ends: {date} is in the future.</source>
        <translation>请在任期实际结束时登记：{date} 晚于今天。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/committee_terms.py" line="416"/>
        <source>The term started on {start}: it cannot end earlier.</source>
        <translation>该届任期始于 {start}，结束日期不能更早。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="347"/>
        <source>There is no development step {step}.</source>
        <extracomment>Outcomes after which the same step is recorded again before the next one may follow. The new end of the probation set by an extension, by the step entry&apos;s id (kept on the member&apos;s history as a &quot;probation_extended&quot; event).</extracomment>
        <translation>发展党员没有第 {step} 步。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="351"/>
        <source>This development case is closed: no more steps are recorded.</source>
        <translation>该发展档案已关闭，不能再记录步骤。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="354"/>
        <source>Step {step} is already recorded (on {date}).</source>
        <translation>第 {step} 步已记录（{date}）。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="360"/>
        <source>The activist already became a development target: reviews end there.</source>
        <translation>该积极分子已确定为发展对象，培养考察到此结束。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="365"/>
        <source>Record step {missing} first: the steps are taken in order.</source>
        <translation>请先记录第 {missing} 步：各步骤须按顺序进行。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="375"/>
        <source>The date {date} is in the future: record a step once it has happened.</source>
        <translation>日期 {date} 尚未到来：请在步骤完成后再记录。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="387"/>
        <source>An applicant must be at least {age} years old at the written application: the earliest allowed date is {earliest}.</source>
        <translation>递交入党申请书时申请人须年满 {age} 周岁：最早可为 {earliest}。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="398"/>
        <source>A development target is decided only after at least {months} months as an activist (since {since}): the earliest allowed date is {earliest}.</source>
        <translation>入党积极分子须经过至少 {months} 个月的培养教育（自 {since} 起）才能确定为发展对象：最早可为 {earliest}。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="410"/>
        <source>The probation ends on {end}: conversion is not discussed before that; the earliest allowed date is {earliest}.</source>
        <translation>预备期于 {end} 届满，届满前不讨论转正：最早可为 {earliest}。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="419"/>
        <source>Step {step} cannot be dated before the step before it: the earliest allowed date is {earliest}.</source>
        <translation>第 {step} 步的日期不能早于前一步：最早可为 {earliest}。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="436"/>
        <source>Choose the outcome of step {step}.</source>
        <translation>请选择第 {step} 步的结果。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="441"/>
        <source>The probation can be extended only once; it was extended already.</source>
        <translation>预备期只能延长一次，此前已延长过。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="448"/>
        <source>An extended probation ends after {end} and at most {months} months later: choose a date up to {latest}.</source>
        <translation>延长后的预备期须晚于 {end}，且最多延长 {months} 个月：请选择不晚于 {latest} 的日期。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="467"/>
        <source>Several full members are called {name}: choose one from the list.</source>
        <translation>有多名正式党员叫 {name}：请从列表中选择。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="472"/>
        <source>{name} is not a full member on the roster: choose a full member.</source>
        <translation>{name} 不是花名册上的正式党员：请选择正式党员。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="483"/>
        <source>Assign one or two full members as contacts.</source>
        <translation>请指定一至两名正式党员作为培养联系人。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="485"/>
        <source>Name two full members as introducers.</source>
        <translation>请确定两名正式党员作为入党介绍人。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="487"/>
        <source>Step {step} names at most {maximum} people.</source>
        <translation>第 {step} 步最多填写 {maximum} 人。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/development.py" line="502"/>
        <source>The same person is named twice at step {step}.</source>
        <translation>第 {step} 步中同一人填写了两次。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/floating.py" line="74"/>
        <source>Give {what}.</source>
        <translation>请填写{what}。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/floating.py" line="116"/>
        <source>the place the member goes to</source>
        <translation>外出地点</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/floating.py" line="121"/>
        <location filename="../../desktop/domain/floating.py" line="160"/>
        <source>{name} is already recorded as a floating member.</source>
        <translation>{name} 已登记为流动党员。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/floating.py" line="122"/>
        <location filename="../../desktop/domain/floating.py" line="161"/>
        <source>Record their return first.</source>
        <translation>请先登记其返回。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/floating.py" line="149"/>
        <source>where the member comes from</source>
        <translation>流入前所在地</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/floating.py" line="153"/>
        <source>a name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/floating.py" line="208"/>
        <source>The return of {name} was already recorded.</source>
        <translation>{name} 的返回已登记。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/floating.py" line="211"/>
        <source>The return cannot be dated before the departure.</source>
        <translation>返回日期不能早于外出日期。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/member_archive.py" line="83"/>
        <location filename="../../desktop/domain/member_archive.py" line="258"/>
        <location filename="../../desktop/domain/org.py" line="283"/>
        <source>{text} is not a date: write it as YYYY-MM-DD.</source>
        <extracomment>Newest first. Per kind, in date order. Files attached to the member other than the photo. Full years of party standing (党龄) on the day read; None before full membership.</extracomment>
        <translation>{text} 不是日期，请按 YYYY-MM-DD 格式填写。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/member_archive.py" line="87"/>
        <location filename="../../desktop/domain/member_archive.py" line="234"/>
        <location filename="../../desktop/domain/members.py" line="282"/>
        <source>The {what} {date} is in the future: enter the day it happened.</source>
        <translation>{what} {date} 在今天之后：请填写实际发生的日期。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/member_archive.py" line="111"/>
        <location filename="../../desktop/domain/member_archive.py" line="158"/>
        <location filename="../../desktop/domain/members.py" line="314"/>
        <source>{value} is not a valid {field}; choose one of: {choices}.</source>
        <translation>{value} 不是有效的 {field}，请从以下选择：{choices}。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/member_archive.py" line="117"/>
        <location filename="../../desktop/domain/member_archive.py" line="130"/>
        <location filename="../../desktop/domain/member_archive.py" line="164"/>
        <source>date of the change</source>
        <translation>变更日期</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/member_archive.py" line="121"/>
        <source>{name} already has this status.</source>
        <translation>{name} 已是此状态。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/member_archive.py" line="122"/>
        <source>Choose another status, or cancel.</source>
        <translation>请选择其他状态，或取消。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/member_archive.py" line="128"/>
        <location filename="../../desktop/domain/member_archive.py" line="175"/>
        <location filename="../../desktop/domain/member_archive.py" line="240"/>
        <location filename="../../desktop/domain/members.py" line="288"/>
        <source>The {what} ({date}) is before the {earlier} ({earlier_date}).</source>
        <translation>{what}（{date}）早于{earlier}（{earlier_date}）。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/member_archive.py" line="129"/>
        <location filename="../../desktop/domain/member_archive.py" line="176"/>
        <location filename="../../desktop/domain/member_archive.py" line="241"/>
        <location filename="../../desktop/domain/members.py" line="289"/>
        <source>Correct whichever of the two dates is wrong.</source>
        <translation>请更正两个日期中有误的一个。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/member_archive.py" line="132"/>
        <location filename="../../desktop/domain/member_archive.py" line="179"/>
        <location filename="../../desktop/domain/members.py" line="65"/>
        <source>date joined</source>
        <translation>入党日期</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/member_archive.py" line="168"/>
        <source>{name} already has this category.</source>
        <translation>{name} 已是此类别。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/member_archive.py" line="169"/>
        <source>Choose another category, or cancel.</source>
        <translation>请选择其他类别，或取消。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/member_archive.py" line="177"/>
        <location filename="../../desktop/domain/members.py" line="66"/>
        <source>date of full membership</source>
        <translation>转正日期</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/member_archive.py" line="225"/>
        <source>An entry needs a title (the degree, post, reward, relation or course).</source>
        <translation>条目须填写名称（学位、职务、奖惩、关系或课程）。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/member_archive.py" line="229"/>
        <location filename="../../desktop/domain/member_archive.py" line="244"/>
        <source>start date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/member_archive.py" line="230"/>
        <location filename="../../desktop/domain/member_archive.py" line="242"/>
        <source>end date</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster_import.py" line="144"/>
        <source>No header row was found in {file}.</source>
        <extracomment>Names listed in a refusal to undo; the rest are counted.</extracomment>
        <translation>在 {file} 中没有找到表头行。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster_import.py" line="145"/>
        <source>The roster needs a row of column titles with at least 姓名 and one more known column (性别, 身份证号, 出生日期 …) within its first 30 rows.</source>
        <translation>花名册的前 30 行内需要有一行列标题，至少包含“姓名”和另一个可识别的列（性别、身份证号、出生日期……）。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster_import.py" line="262"/>
        <source>This import cannot be undone: {count} of its members were changed since ({names}).</source>
        <translation>无法撤销此次导入：其中 {count} 名党员的信息在导入后已被修改（{names}）。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster_import.py" line="266"/>
        <source>Delete those members one by one if they should go, or keep the import.</source>
        <translation>如确需删除，请逐个删除这些党员；或保留此次导入。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster_import.py" line="281"/>
        <source>The import of {file} was already undone.</source>
        <translation>{file} 的导入已经撤销过了。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster_read.py" line="75"/>
        <source>The file {file} cannot be read as a spreadsheet.</source>
        <extracomment>Rows searched for the header: rosters put a title, a unit and a date above it. A header names at least this many known columns (one of them the name).</extracomment>
        <translation>无法将文件 {file} 作为电子表格读取。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster_read.py" line="76"/>
        <source>Open it in Excel or WPS and save it again as .xlsx.</source>
        <translation>请用 Excel 或 WPS 打开，并重新另存为 .xlsx 格式。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster_read.py" line="81"/>
        <source>{file} is in the old Excel format (.xls).</source>
        <translation>{file} 是旧版 Excel 格式（.xls）。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster_read.py" line="82"/>
        <source>Open it in Excel or WPS and save it as .xlsx, then import that.</source>
        <translation>请用 Excel 或 WPS 打开并另存为 .xlsx，再导入该文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster_read.py" line="86"/>
        <source>{file} is not a roster file Lianxin can read.</source>
        <translation>{file} 不是连心能够读取的花名册文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster_read.py" line="87"/>
        <source>Choose an Excel workbook (.xlsx) or a CSV file.</source>
        <translation>请选择 Excel 工作簿（.xlsx）或 CSV 文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/transfer_receipts.py" line="58"/>
        <source>Letter {serial} was cancelled by the unit that issued it.</source>
        <translation>介绍信 {serial} 已被开出单位撤销。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/transfer_receipts.py" line="59"/>
        <source>Ask that unit for a new letter.</source>
        <translation>请联系该单位重新开具介绍信。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/transfer_receipts.py" line="64"/>
        <source>Letter {serial} already has its receipt.</source>
        <translation>介绍信 {serial} 已登记回执。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/transfer_receipts.py" line="67"/>
        <source>A receipt cannot be dated before its letter.</source>
        <translation>回执日期不能早于介绍信开具日期。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/transfer_receipts.py" line="83"/>
        <source>This unit cannot record the receipt of letter {serial}.</source>
        <translation>本单位不能登记介绍信 {serial} 的回执。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/transfer_receipts.py" line="84"/>
        <source>The receiving unit records the receipt of a letter sent through Lianxin.</source>
        <translation>通过连心开出的介绍信，由接收单位登记回执。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/transfer_receipts.py" line="177"/>
        <source>A paper letter needs its serial number, the sending unit and a name.</source>
        <translation>纸质介绍信须填写编号、转出单位和姓名。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/transfer_receipts.py" line="180"/>
        <source>The letter cannot expire before it was issued.</source>
        <translation>介绍信的有效期不能早于开具日期。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/transfers.py" line="244"/>
        <source>Several letters have the serial number {serial}.</source>
        <extracomment>How many digits the running number of a serial has (&quot;2026-0007&quot;).</extracomment>
        <translation>有多封介绍信的编号都是 {serial}。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/transfers.py" line="245"/>
        <source>Give the letter&apos;s id instead (transfer list --json shows it).</source>
        <translation>请改用介绍信的记录编号（transfer list --json 可查看）。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/transfers.py" line="249"/>
        <source>No transfer letter {serial} was found here.</source>
        <translation>本机没有找到编号为 {serial} 的介绍信。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/transfers.py" line="250"/>
        <source>Check the serial number. A letter from another unit arrives with the next sync.</source>
        <translation>请核对编号。其他单位开出的介绍信会在下次同步后到达。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/transfers.py" line="304"/>
        <source>Several members are called {name}.</source>
        <translation>有多名党员叫 {name}。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/transfers.py" line="305"/>
        <source>Give the member&apos;s ID number or record id instead.</source>
        <translation>请改用该党员的身份证号码或记录编号。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/transfers.py" line="309"/>
        <source>No member {name} was found in this unit.</source>
        <translation>本单位没有找到党员 {name}。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/transfers.py" line="310"/>
        <source>Check the name or ID number (members list --search).</source>
        <translation>请核对姓名或身份证号码（members list --search）。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/transfers.py" line="351"/>
        <source>A letter is valid for 1 to {maximum} days, not {days}.</source>
        <translation>介绍信有效期应为 1 至 {maximum} 天，不能是 {days} 天。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/transfers.py" line="352"/>
        <source>Choose a shorter validity period.</source>
        <translation>请选择较短的有效期。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/transfers.py" line="366"/>
        <source>Dues paid up to must be a month like 2026-05, not {value}.</source>
        <translation>党费交至月份应写成 2026-05 这样的格式，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/transfers.py" line="399"/>
        <source>Choose the unit the member transfers to.</source>
        <translation>请选择转入单位。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/transfers.py" line="403"/>
        <source>A member cannot be transferred to this unit or a unit below it.</source>
        <translation>不能把党员转到本单位或本单位的下级单位。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/transfers.py" line="404"/>
        <source>Choose another unit, or move the member to a group instead.</source>
        <translation>请选择其他单位；如需调整党小组，请直接修改党员所在党小组。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/transfers.py" line="409"/>
        <source>The unit {unit} is not in the org tree this computer holds.</source>
        <translation>本机保存的组织树中没有单位 {unit}。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/transfers.py" line="410"/>
        <source>Give the receiving unit&apos;s name as well.</source>
        <translation>请同时填写转入单位的名称。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/transfers.py" line="416"/>
        <source>Give the name of the unit the member transfers to.</source>
        <translation>请填写转入单位的名称。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/transfers.py" line="418"/>
        <source>Unknown transfer route {route}.</source>
        <translation>未知的转接方式 {route}。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/transfers.py" line="425"/>
        <source>{name} already has a transfer letter waiting for its receipt.</source>
        <translation>{name} 已有一封介绍信在等待回执。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/transfers.py" line="426"/>
        <source>Cancel that letter first if it is no longer valid.</source>
        <translation>如该介绍信已作废，请先将其撤销。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/transfers.py" line="477"/>
        <source>Only a letter this unit issued can be cancelled.</source>
        <translation>只能撤销本单位开出的介绍信。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/transfers.py" line="482"/>
        <source>Letter {serial} was already receipted: it cannot be cancelled.</source>
        <translation>介绍信 {serial} 已收到回执，不能撤销。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/transfers.py" line="483"/>
        <source>To bring the member back, the other unit issues a letter.</source>
        <translation>如需转回，请由对方单位开具介绍信。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfers_page.py" line="434"/>
        <source>The letter could not be saved to {path}: {problem}</source>
        <translation>介绍信无法保存到 {path}：{problem}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfers_page.py" line="437"/>
        <source>Choose another folder and try again.</source>
        <translation>请选择其他文件夹后重试。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/members.py" line="63"/>
        <source>date of birth</source>
        <extracomment>The roster&apos;s order: by name (Chinese collation comes with the members feature). Every basic field an officer enters, in the order forms and print-outs show them. Dates that follow each other in a member&apos;s life, with their names for errors.</extracomment>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/members.py" line="64"/>
        <source>date of application</source>
        <translation>申请入党日期</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/members.py" line="78"/>
        <source>an ID number has 17 digits and a last digit or X</source>
        <extracomment>Problems of an ID number as the error message names them (the same English as idnumber.Problem, marked in the errors&apos; context so the message translates whole).</extracomment>
        <translation>身份证号应为 17 位数字加一位数字或 X</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/members.py" line="79"/>
        <source>the check digit does not match (a digit is mistyped)</source>
        <translation>校验位不符（有数字录错）</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/members.py" line="82"/>
        <source>the birth date in the number does not exist</source>
        <translation>号码中的出生日期不存在</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/members.py" line="83"/>
        <source>the birth date in the number is in the future</source>
        <translation>号码中的出生日期在今天之后</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/members.py" line="84"/>
        <source>the region code (first two digits) is not a province</source>
        <translation>地区码（前两位）不是有效的省份</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/members.py" line="85"/>
        <source>a passport number has 5 to 20 letters and digits</source>
        <translation>护照号应为 5 至 20 位字母和数字</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/members.py" line="86"/>
        <source>the gender entered differs from the ID number&apos;s</source>
        <translation>填写的性别与身份证号不符</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/members.py" line="89"/>
        <source>the birth date entered differs from the ID number&apos;s</source>
        <translation>填写的出生日期与身份证号不符</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/members.py" line="96"/>
        <source>The ID number {number} is not valid: {problem1}.</source>
        <translation>身份证号 {number} 无效：{problem1}。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/members.py" line="97"/>
        <source>The ID number {number} is not valid: {problem1}; {problem2}.</source>
        <translation>身份证号 {number} 无效：{problem1}；{problem2}。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/members.py" line="98"/>
        <source>The ID number {number} is not valid: {problem1}; {problem2}; {problem3}.</source>
        <translation>身份证号 {number} 无效：{problem1}；{problem2}；{problem3}。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/members.py" line="100"/>
        <source>Check it against the ID card, or leave it empty for now.</source>
        <translation>请对照身份证核对，或暂时留空。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/members.py" line="107"/>
        <source>This may be someone already on the roster: {people}.</source>
        <translation>此人可能已在名册中：{people}。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/members.py" line="108"/>
        <source>Open their record to check. If it is a different person, add anyway (on the command line: --allow-duplicate).</source>
        <translation>请打开其档案核对。如确为不同的人，可仍然添加（命令行中使用 --allow-duplicate）。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/members.py" line="244"/>
        <source>A passport number needs the nationality of the passport.</source>
        <translation>填写护照号时须填写护照所属国籍。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/members.py" line="245"/>
        <source>Enter the country that issued it.</source>
        <translation>请填写签发国家。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/members.py" line="335"/>
        <source>A member needs a name.</source>
        <translation>党员必须填写姓名。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/members.py" line="342"/>
        <source>A probationary member has no date of full membership yet.</source>
        <translation>预备党员尚无转正日期。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/members.py" line="343"/>
        <source>Clear that date, or make the category full member.</source>
        <translation>请清除该日期，或将类别改为正式党员。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/members.py" line="478"/>
        <source>{name} is not a photo.</source>
        <translation>{name} 不是照片。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/members.py" line="479"/>
        <source>Choose a JPEG, PNG, WebP or BMP image.</source>
        <translation>请选择 JPEG、PNG、WebP 或 BMP 格式的图片。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/org.py" line="46"/>
        <source>founding</source>
        <extracomment>Which levels a unit of each level may have directly below it. A committee (基层党委) may hold general branches, branches, or committees of its own (a company&apos;s sub-units). Levels whose units elect a committee or a secretary for a term (groups have a leader). Fields an officer may edit on a unit (closing has rules of its own: `close_unit`). Warn this many days before a term ends (DOMAIN.md; configurable: callers pass their own). What a date is, for error messages (translated where shown).</extracomment>
        <translation>成立</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/org.py" line="47"/>
        <source>closing</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/org.py" line="236"/>
        <source>{name} is above this computer&apos;s unit: only its own officers can change it.</source>
        <extracomment>&quot;due&quot; (ends within the warning period), &quot;overdue&quot; (ended, no election yet), &quot;no_term&quot; (no term recorded for an electing unit). Days from today to the term&apos;s end: negative when overdue. This device&apos;s own unit. This device&apos;s unit or below it: the device may change it. Members (not those who left) whose formal relation (组织关系) is in this unit or below, and those managed here with the formal relation elsewhere (formal_unit set). The current term&apos;s end date, if the unit has a term.</extracomment>
        <translation>{name} 是本机所属组织的上级组织，只能由其自己的党务工作者修改。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/org.py" line="248"/>
        <source>Give the unit a name.</source>
        <translation>请填写组织名称。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/org.py" line="260"/>
        <source>There is already a unit called {name} here. Choose another name.</source>
        <translation>这里已有名为 {name} 的组织，请换一个名称。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/org.py" line="271"/>
        <source>The {what} date {date} is in the future: enter the day it happened.</source>
        <translation>{what}日期 {date} 晚于今天，请填写实际发生的日期。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/org.py" line="297"/>
        <source>{name} is closed: no unit can be added below it.</source>
        <translation>{name} 已撤销，不能在其下增设组织。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/org.py" line="302"/>
        <source>A unit of this level cannot be added below {name}.</source>
        <translation>不能在 {name} 之下增设这一层级的组织。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/org.py" line="333"/>
        <source>A unit cannot be founded after it closed.</source>
        <translation>组织的成立日期不能晚于撤销日期。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/org.py" line="365"/>
        <source>{name} is already closed (on {date}).</source>
        <translation>{name} 已于 {date} 撤销。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/org.py" line="371"/>
        <source>Only a temporary branch closes itself. Closing {name} is decided by the committee above it.</source>
        <translation>只有临时党支部可以在本机撤销。撤销 {name} 由其上级党组织决定。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/org.py" line="381"/>
        <source>A unit cannot close before it was founded.</source>
        <translation>组织的撤销日期不能早于成立日期。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/org.py" line="385"/>
        <source>{name} still has {members} members and {units} open units below it. Transfer the members (or move them to another group) and close or move the units below first.</source>
        <translation>{name} 还有 {members} 名党员和 {units} 个下级组织。请先转出这些党员（或调到其他党小组），并撤销或调整下级组织。</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <location filename="../../desktop/domain/sync_review.py" line="34"/>
        <source>Name</source>
        <extracomment>Human labels of the fields a conflict or refusal can name (translated in context &quot;Fields&quot;); a field missing here is shown by its column name.</extracomment>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/sync_review.py" line="35"/>
        <source>Former names</source>
        <translation>曾用名</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/sync_review.py" line="36"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/sync_review.py" line="37"/>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/sync_review.py" line="38"/>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/sync_review.py" line="39"/>
        <source>Kind of ID</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/sync_review.py" line="40"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/sync_review.py" line="41"/>
        <source>Native place</source>
        <translation>籍贯</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/sync_review.py" line="42"/>
        <source>Education</source>
        <translation>学历</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/sync_review.py" line="43"/>
        <source>Work unit</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/sync_review.py" line="44"/>
        <source>Post</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/sync_review.py" line="45"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/sync_review.py" line="46"/>
        <source>Applied to join</source>
        <translation>申请入党日期</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/sync_review.py" line="47"/>
        <source>Admitted</source>
        <translation>入党日期</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/sync_review.py" line="48"/>
        <source>Full member since</source>
        <translation>转正日期</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/sync_review.py" line="49"/>
        <source>Category</source>
        <translation>党员类别</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/sync_review.py" line="50"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/sync_review.py" line="51"/>
        <source>Status since</source>
        <translation>状态变更日期</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/sync_review.py" line="52"/>
        <source>Party post</source>
        <translation>党内职务</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/sync_review.py" line="53"/>
        <source>Group</source>
        <translation>党小组</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/sync_review.py" line="54"/>
        <source>Formal relation held by</source>
        <translation>组织关系所在单位</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/sync_review.py" line="55"/>
        <source>Hardship</source>
        <translation>生活困难</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/sync_review.py" line="56"/>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/sync_review.py" line="57"/>
        <source>Parent unit</source>
        <translation>上级组织</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/sync_review.py" line="58"/>
        <source>Temporary branch</source>
        <translation>临时党支部</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/sync_review.py" line="59"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/sync_review.py" line="60"/>
        <source>Owning unit</source>
        <translation>所属组织</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/sync_review.py" line="61"/>
        <source>Readers</source>
        <translation>可见范围</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/sync_review.py" line="62"/>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/sync_review.py" line="63"/>
        <source>New record</source>
        <translation>新记录</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/sync_review.py" line="66"/>
        <source>Member</source>
        <translation>党员</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/sync_review.py" line="67"/>
        <source>Org unit</source>
        <translation>组织</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/sync_review.py" line="68"/>
        <source>Attachment</source>
        <translation>附件</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../desktop/ui/first_run.py" line="193"/>
        <source>Set up Lianxin</source>
        <extracomment>Set up and unlocked: the signed-in secretary.</extracomment>
        <translation>设置连心</translation>
    </message>
</context>
<context>
    <name>FloatingBackDialog</name>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="470"/>
        <source>Record return</source>
        <translation>登记返回</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="473"/>
        <source>{name}, at {place} since {start}</source>
        <translation>{name}，自 {start} 起在 {place}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="479"/>
        <source>Returned on</source>
        <translation>返回日期</translation>
    </message>
</context>
<context>
    <name>FloatingInDialog</name>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="403"/>
        <source>Floating member in</source>
        <translation>登记流动党员流入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="405"/>
        <source>Already in this unit&apos;s roster</source>
        <translation>已在本单位名册中</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="413"/>
        <source>The unit holding the membership relation</source>
        <translation>组织关系所在单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="419"/>
        <source>Member</source>
        <translation>党员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="420"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="421"/>
        <source>Comes from</source>
        <translation>流入前所在地</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="422"/>
        <source>Home unit</source>
        <translation>组织关系所在单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="423"/>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="424"/>
        <source>Since</source>
        <translation>流入日期</translation>
    </message>
</context>
<context>
    <name>FloatingOutDialog</name>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="351"/>
        <source>Floating member out</source>
        <translation>登记流动党员流出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="356"/>
        <source>Country and city, or the site</source>
        <translation>国家和城市，或项目现场</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="364"/>
        <source>Member</source>
        <translation>党员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="365"/>
        <source>Goes to</source>
        <translation>流出地点</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="366"/>
        <source>Unit there</source>
        <translation>所在单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="367"/>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="368"/>
        <source>Since</source>
        <translation>外出日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="369"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>IdNumber</name>
    <message>
        <location filename="../../desktop/domain/idnumber.py" line="41"/>
        <source>an ID number has 17 digits and a last digit or X</source>
        <extracomment>Passport numbers: letters and digits, 5 to 20 of them (ICAO 9303 allows up to 9 in the machine-readable zone; some countries print longer ones on the data page). GB/T 2260 province-level codes (the first two digits). A finer check (the six-digit county code) would need the code table of every year since 1980: counties are merged and renamed, and a number keeps the code it was issued under. Before this a birth year is a typing slip (the standard&apos;s own example is 1880).</extracomment>
        <translation>身份证号应为 17 位数字加一位数字或 X</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/idnumber.py" line="42"/>
        <source>the check digit does not match (a digit is mistyped)</source>
        <translation>校验位不符（有数字录错）</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/idnumber.py" line="43"/>
        <source>the birth date in the number does not exist</source>
        <translation>号码中的出生日期不存在</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/idnumber.py" line="44"/>
        <source>the birth date in the number is in the future</source>
        <translation>号码中的出生日期在今天之后</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/idnumber.py" line="45"/>
        <source>the region code (first two digits) is not a province</source>
        <translation>地区码（前两位）不是有效的省份</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/idnumber.py" line="46"/>
        <source>a passport number has 5 to 20 letters and digits</source>
        <translation>护照号应为 5 至 20 位字母和数字</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/idnumber.py" line="47"/>
        <source>the gender entered differs from the ID number&apos;s</source>
        <translation>填写的性别与身份证号不符</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/idnumber.py" line="48"/>
        <source>the birth date entered differs from the ID number&apos;s</source>
        <translation>填写的出生日期与身份证号不符</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="26"/>
        <source>Male</source>
        <extracomment>Each language named in itself, so that someone who cannot read the current one finds theirs.</extracomment>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="27"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="30"/>
        <source>Full member</source>
        <translation>正式党员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="31"/>
        <source>Probationary member</source>
        <translation>预备党员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="34"/>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="35"/>
        <source>Membership suspended</source>
        <translation>停止党籍</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="36"/>
        <source>Lost contact</source>
        <translation>失联</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="37"/>
        <source>Left the Party</source>
        <translation>出党</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="49"/>
        <source>Lianxin</source>
        <extracomment>The user closed the window (quit); locking hides it instead. The settings dialog saved new preferences (auto-lock applies at once).</extracomment>
        <translation>连心</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="90"/>
        <source>&amp;Lianxin</source>
        <translation>连心(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="91"/>
        <source>Change my password…</source>
        <translation>修改我的密码…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="93"/>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="98"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="102"/>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="105"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="108"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="109"/>
        <source>About Lianxin</source>
        <translation>关于连心</translation>
    </message>
</context>
<context>
    <name>MemberCard</name>
    <message>
        <location filename="../../desktop/ui/pages/member_card.py" line="23"/>
        <source>No photo</source>
        <extracomment>The photo&apos;s size on the card, in the document&apos;s pixels (a 2-inch ID photo&apos;s shape).</extracomment>
        <translation>无照片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_card.py" line="40"/>
        <location filename="../../desktop/ui/pages/member_card.py" line="91"/>
        <source>Member record</source>
        <translation>党员档案</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_card.py" line="49"/>
        <source>Party standing (years)</source>
        <translation>党龄（年）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_card.py" line="69"/>
        <source>Printed on {date}</source>
        <translation>打印日期：{date}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_card.py" line="72"/>
        <source>No changes recorded.</source>
        <translation>暂无变动记录。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_card.py" line="73"/>
        <source>History</source>
        <translation>变动历史</translation>
    </message>
</context>
<context>
    <name>MemberDetailDialog</name>
    <message>
        <location filename="../../desktop/ui/pages/member_detail.py" line="92"/>
        <source>Member</source>
        <extracomment>Tables whose changes can alter what the page shows. The tabs after &quot;Basic&quot;, in order: the history, the extended sets (rewards and penalties share one) and the files. Fields in the Basic tab&apos;s left and right columns. The archive arrived and is shown (tests and the benchmark wait for it). The photo (or its placeholder) is shown.</extracomment>
        <translation>党员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail.py" line="102"/>
        <source>Photo…</source>
        <translation>照片…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail.py" line="104"/>
        <location filename="../../desktop/ui/pages/member_detail.py" line="333"/>
        <source>Remove photo</source>
        <translation>删除照片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail.py" line="106"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail.py" line="108"/>
        <source>Change status…</source>
        <translation>变更党籍状态…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail.py" line="110"/>
        <source>Print card…</source>
        <translation>打印档案卡…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail.py" line="157"/>
        <source>Basic</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail.py" line="163"/>
        <source>History</source>
        <translation>变动历史</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail.py" line="164"/>
        <source>Education</source>
        <translation>学习经历</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail.py" line="165"/>
        <source>Work</source>
        <translation>工作经历</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail.py" line="166"/>
        <source>Rewards &amp;&amp; penalties</source>
        <translation>奖惩情况</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail.py" line="167"/>
        <source>Family</source>
        <translation>家庭成员及社会关系</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail.py" line="168"/>
        <source>Training</source>
        <translation>培训记录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail.py" line="169"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail.py" line="206"/>
        <source>Member: {name}</source>
        <translation>党员：{name}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail.py" line="213"/>
        <source>(since {date})</source>
        <translation>（自 {date} 起）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail.py" line="221"/>
        <source>Party standing: {years} years (full member since {date})</source>
        <translation>党龄：{years} 年（{date} 转正）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail.py" line="225"/>
        <source>Party standing counts from full membership.</source>
        <translation>党龄自转正之日起计算。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail.py" line="320"/>
        <source>Choose the member&apos;s photo</source>
        <translation>选择党员照片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail.py" line="322"/>
        <source>Images (*.jpg *.jpeg *.png *.webp *.bmp)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.webp *.bmp)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail.py" line="334"/>
        <source>Remove the photo of {name}?</source>
        <translation>删除 {name} 的照片吗？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail.py" line="345"/>
        <source>Save the member card as PDF</source>
        <translation>将党员档案卡保存为 PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail.py" line="347"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail.py" line="357"/>
        <location filename="../../desktop/ui/pages/member_detail.py" line="363"/>
        <source>Print card</source>
        <translation>打印档案卡</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail.py" line="358"/>
        <source>The file could not be written: {problem}</source>
        <translation>无法写入文件：{problem}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail.py" line="363"/>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="130"/>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="182"/>
        <source>Not given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="180"/>
        <source>Edit member</source>
        <extracomment>The member&apos;s id after a successful save.</extracomment>
        <translation>编辑党员信息</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="180"/>
        <source>Add member</source>
        <translation>添加党员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="190"/>
        <source>18 characters; gender and birth date follow</source>
        <translation>18 位；性别和出生日期将自动填入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="192"/>
        <source>+ and country code for numbers abroad</source>
        <translation>境外号码请加 + 和国家代码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="199"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="201"/>
        <source>No group</source>
        <translation>未分党小组</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="202"/>
        <source>The member is in hardship</source>
        <translation>该党员为困难党员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="216"/>
        <source>Person</source>
        <translation>个人信息</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="233"/>
        <source>Work</source>
        <translation>工作</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="237"/>
        <source>Party membership</source>
        <translation>党籍信息</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="251"/>
        <source>Leave empty when it is this branch</source>
        <translation>组织关系在本支部时留空</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="258"/>
        <source>Only the name is required. More details can be added later.</source>
        <translation>只有姓名是必填项，其他信息可以稍后补充。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="329"/>
        <source>Needed for a passport</source>
        <translation>护照须填写</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="348"/>
        <source>Looks like a passport number.</source>
        <translation>看起来是有效的护照号。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="352"/>
        <source>Enter the nationality too.</source>
        <translation>请同时填写国籍。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="367"/>
        <source>Valid: {gender}, born {date}</source>
        <translation>有效：{gender}，出生于 {date}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="423"/>
        <source>Add this member anyway?</source>
        <translation>仍然添加该党员吗？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="425"/>
        <source>Save the changes anyway?</source>
        <translation>仍然保存修改吗？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="429"/>
        <source>Possible duplicate</source>
        <translation>可能重复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="430"/>
        <source>This may be someone already on the roster:</source>
        <translation>此人可能已在名册中：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="431"/>
        <source>If it is a different person, answer Yes.</source>
        <translation>如确为不同的人，请选择“是”。</translation>
    </message>
</context>
<context>
    <name>MemberField</name>
    <message>
        <location filename="../../desktop/ui/pages/development_dialogs.py" line="173"/>
        <source>Type a name, pinyin or initials</source>
        <translation>输入姓名、拼音或首字母</translation>
    </message>
</context>
<context>
    <name>MemberFields</name>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="44"/>
        <source>Name</source>
        <extracomment>The date shown as &quot;not given&quot; in the date field. Every basic field&apos;s label (the dialog, the member&apos;s page and the printed card).</extracomment>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="45"/>
        <source>Former names</source>
        <translation>曾用名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="46"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="47"/>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="48"/>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="49"/>
        <source>Kind of ID</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="50"/>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="51"/>
        <source>Nationality</source>
        <translation>国籍</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="52"/>
        <source>Native place</source>
        <translation>籍贯</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="53"/>
        <source>Education</source>
        <translation>学历</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="54"/>
        <source>Work unit</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="55"/>
        <source>Post</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="56"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="57"/>
        <source>Date of application</source>
        <translation>申请入党日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="58"/>
        <source>Date joined (probationary)</source>
        <translation>入党日期（预备）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="59"/>
        <source>Date of full membership</source>
        <translation>转正日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="60"/>
        <source>Category</source>
        <translation>党员类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="61"/>
        <source>Status</source>
        <translation>党籍状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="62"/>
        <source>Status since</source>
        <translation>状态起始日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="63"/>
        <source>Party post</source>
        <translation>党内职务</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="64"/>
        <source>Group</source>
        <translation>党小组</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="65"/>
        <source>Formal membership relation at</source>
        <translation>组织关系所在单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="66"/>
        <source>Floating member</source>
        <translation>流动党员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="67"/>
        <source>In hardship</source>
        <translation>困难党员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="70"/>
        <source>Resident ID card</source>
        <translation>居民身份证</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="71"/>
        <source>Passport</source>
        <translation>护照</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="74"/>
        <source>Out: working away from this branch</source>
        <translation>流出：在本支部以外工作</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="75"/>
        <source>In: from another branch, managed here</source>
        <translation>流入：来自其他支部，由本支部管理</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="117"/>
        <source>Yes</source>
        <extracomment>Fields typed as text, with their longest length.</extracomment>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>MemberPicker</name>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="64"/>
        <source>Name, pinyin or ID number</source>
        <extracomment>The destination item that reveals fields for a unit beyond this computer&apos;s tree.</extracomment>
        <translation>姓名、拼音或身份证号码</translation>
    </message>
</context>
<context>
    <name>MemberTables</name>
    <message>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="53"/>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="91"/>
        <source>Date</source>
        <extracomment>Columns: (key, header). A key is a record field, or a name the tab&apos;s `cell` knows.</extracomment>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="54"/>
        <source>Change</source>
        <translation>变动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="55"/>
        <source>Before</source>
        <translation>变动前</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="56"/>
        <source>After</source>
        <translation>变动后</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="57"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="60"/>
        <source>Applied to join</source>
        <translation>递交入党申请</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="61"/>
        <source>Admitted as probationary member</source>
        <translation>接收为预备党员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="62"/>
        <source>Converted to full member</source>
        <translation>转为正式党员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="63"/>
        <source>Probation extended</source>
        <translation>延长预备期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="64"/>
        <source>Status</source>
        <translation>党籍状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="65"/>
        <source>Category</source>
        <translation>党员类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="66"/>
        <source>Transferred out</source>
        <translation>组织关系转出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="67"/>
        <source>Transferred in</source>
        <translation>组织关系转入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="68"/>
        <source>Went out as floating member</source>
        <translation>外出流动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="69"/>
        <source>Came in as floating member</source>
        <translation>流入本支部</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="70"/>
        <source>Floating member returned</source>
        <translation>流动党员返回</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="71"/>
        <source>Imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="72"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="77"/>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="83"/>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="101"/>
        <source>From</source>
        <extracomment>Per extended set: the columns shown, and what its &quot;title&quot; means there.</extracomment>
        <translation>起始</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="78"/>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="84"/>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="102"/>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="299"/>
        <source>To</source>
        <translation>截止</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="79"/>
        <source>Degree or course of study</source>
        <translation>学位或专业</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="80"/>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="85"/>
        <source>Post</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="86"/>
        <source>Employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="87"/>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="295"/>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="90"/>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="291"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="92"/>
        <source>Reward or penalty</source>
        <translation>奖惩名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="93"/>
        <source>Decided by</source>
        <translation>批准机关</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="96"/>
        <source>Relation and name</source>
        <translation>称谓及姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="97"/>
        <source>Work unit and post</source>
        <translation>工作单位及职务</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="98"/>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="300"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="103"/>
        <source>Course</source>
        <translation>培训项目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="104"/>
        <source>Given by</source>
        <translation>举办单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="108"/>
        <source>Reward</source>
        <translation>奖励</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="109"/>
        <source>Penalty</source>
        <translation>处分</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="112"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="113"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="114"/>
        <source>On this computer</source>
        <translation>本机已有</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="144"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="146"/>
        <source>Not yet fetched</source>
        <translation>尚未获取</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="350"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="353"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="356"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="376"/>
        <source>Delete entry</source>
        <translation>删除条目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="377"/>
        <source>Delete “{title}” from the member&apos;s record?</source>
        <translation>从党员档案中删除“{title}”吗？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="394"/>
        <source>Attach file…</source>
        <translation>添加附件…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="397"/>
        <source>Save a copy…</source>
        <translation>另存副本…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="400"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="410"/>
        <source>Attach a file to the member&apos;s record</source>
        <translation>为党员档案添加附件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="426"/>
        <source>Save a copy (not encrypted)</source>
        <translation>另存副本（不加密）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="444"/>
        <source>Remove file</source>
        <translation>删除附件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_detail_tabs.py" line="445"/>
        <source>Remove “{name}” from the member&apos;s record?</source>
        <translation>从党员档案中删除“{name}”吗？</translation>
    </message>
</context>
<context>
    <name>MembersModel</name>
    <message>
        <location filename="../../desktop/ui/pages/members_model.py" line="44"/>
        <source>Name</source>
        <extracomment>Rows fetched per trip to the database thread. Pages kept in memory; older ones are fetched again if scrolled back to. (field, header) in display order. &quot;group&quot; is the group&apos;s name, not its id.</extracomment>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/members_model.py" line="45"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/members_model.py" line="46"/>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/members_model.py" line="47"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/members_model.py" line="48"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/members_model.py" line="49"/>
        <source>Category</source>
        <translation>党员类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/members_model.py" line="50"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/members_model.py" line="51"/>
        <source>Group</source>
        <translation>党小组</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/members_model.py" line="54"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/members_model.py" line="57"/>
        <source>Not yet sent</source>
        <translation>待同步</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/members_model.py" line="58"/>
        <source>Refused by HQ</source>
        <translation>被退回</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/members_model.py" line="59"/>
        <source>Conflict</source>
        <translation>有冲突</translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message>
        <location filename="../../desktop/ui/pages/members_page.py" line="66"/>
        <source>Members</source>
        <extracomment>Wait this long after the last keystroke before searching. Starting widths (pixels) of the columns; the last one stretches. The sync state is an icon: its column stays narrow and the group column takes the rest.</extracomment>
        <translation>党员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/members_page.py" line="73"/>
        <source>Search by name, pinyin, initials, ID number or phone</source>
        <translation>按姓名、拼音、首字母、身份证号或电话搜索</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/members_page.py" line="78"/>
        <source>Add member…</source>
        <translation>添加党员…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/members_page.py" line="81"/>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/members_page.py" line="83"/>
        <source>Possible duplicates…</source>
        <translation>疑似重复…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/members_page.py" line="156"/>
        <source>%Ln member(s) found</source>
        <translation>
            <numerusform>找到 %Ln 名党员</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/members_page.py" line="158"/>
        <location filename="../../desktop/ui/pages/members_page.py" line="161"/>
        <source>%Ln member(s) on the roster</source>
        <translation>
            <numerusform>名册共 %Ln 名党员</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewPasswordDialog</name>
    <message>
        <location filename="../../desktop/ui/pages/user_dialogs.py" line="63"/>
        <source>Set a new password</source>
        <translation>设置新密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/user_dialogs.py" line="67"/>
        <source>Set a new password for {name}. Tell it to them in person; they can change it afterwards.</source>
        <translation>为 {name} 设置新密码。请当面告诉本人，本人之后可以自行修改。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/user_dialogs.py" line="72"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
</context>
<context>
    <name>OpenCaseDialog</name>
    <message>
        <location filename="../../desktop/ui/pages/development_dialogs.py" line="78"/>
        <source>New development case</source>
        <extracomment>The date shown as &quot;not given&quot; in an optional date field. Wait this long after the last keystroke before looking up members. The new case&apos;s id, once written.</extracomment>
        <translation>新建发展档案</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_dialogs.py" line="84"/>
        <source>18 characters; gender and birth date follow</source>
        <translation>18 位；性别和出生日期随之填入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_dialogs.py" line="86"/>
        <source>Not given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_dialogs.py" line="99"/>
        <source>No group</source>
        <translation>无党小组</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_dialogs.py" line="102"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_dialogs.py" line="103"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_dialogs.py" line="104"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_dialogs.py" line="105"/>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_dialogs.py" line="106"/>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_dialogs.py" line="107"/>
        <source>Education</source>
        <translation>学历</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_dialogs.py" line="108"/>
        <source>Work unit and post</source>
        <translation>工作单位及职务</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_dialogs.py" line="109"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_dialogs.py" line="110"/>
        <source>Group</source>
        <translation>党小组</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_dialogs.py" line="111"/>
        <source>Application received</source>
        <translation>递交申请日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_dialogs.py" line="114"/>
        <source>The case starts with the written application. The applicant must be at least 18 years old then: give the ID number or the date of birth.</source>
        <translation>发展档案从递交入党申请书开始。申请人届时须年满 18 周岁：请填写身份证号或出生日期。</translation>
    </message>
</context>
<context>
    <name>Org</name>
    <message>
        <location filename="../../desktop/ui/pages/org_dialogs.py" line="49"/>
        <source>Headquarters</source>
        <translation>总部</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_dialogs.py" line="50"/>
        <source>Primary committee</source>
        <translation>基层党委</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_dialogs.py" line="51"/>
        <source>General branch</source>
        <translation>党总支</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_dialogs.py" line="52"/>
        <source>Branch</source>
        <translation>党支部</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_dialogs.py" line="53"/>
        <source>Party group</source>
        <translation>党小组</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_dialogs.py" line="56"/>
        <source>Committee</source>
        <translation>委员会</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_dialogs.py" line="57"/>
        <source>Secretary (no committee)</source>
        <translation>书记（不设委员会）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_dialogs.py" line="60"/>
        <source>Secretary</source>
        <translation>书记</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_dialogs.py" line="61"/>
        <source>Deputy secretary</source>
        <translation>副书记</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_dialogs.py" line="62"/>
        <source>Organiser</source>
        <translation>组织委员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_dialogs.py" line="63"/>
        <source>Publicity officer</source>
        <translation>宣传委员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_dialogs.py" line="64"/>
        <source>Discipline officer</source>
        <translation>纪检委员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_dialogs.py" line="65"/>
        <source>Youth officer</source>
        <translation>青年委员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_dialogs.py" line="66"/>
        <source>Women&apos;s officer</source>
        <translation>妇女委员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_dialogs.py" line="67"/>
        <source>Committee member</source>
        <translation>委员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_page.py" line="63"/>
        <source>{name}: no committee term recorded.</source>
        <extracomment>Amber for a term due within the warning period; the accent red once it is overdue.</extracomment>
        <translation>{name}：尚未登记委员会任期。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_page.py" line="67"/>
        <source>{name}: the term ended on {date}, {days} days ago; hold the election.</source>
        <translation>{name}：任期已于 {date} 届满，已超期 {days} 天，请及时换届。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_page.py" line="71"/>
        <source>{name}: the term ends on {date}, in {days} days; prepare the election.</source>
        <translation>{name}：任期将于 {date} 届满，还有 {days} 天，请做好换届准备。</translation>
    </message>
</context>
<context>
    <name>OrgPage</name>
    <message>
        <location filename="../../desktop/ui/pages/org_page.py" line="232"/>
        <source>Organisation</source>
        <translation>组织架构</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_page.py" line="262"/>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_page.py" line="263"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_page.py" line="264"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_page.py" line="265"/>
        <source>Founded / closed</source>
        <translation>成立 / 撤销</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_page.py" line="266"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_page.py" line="267"/>
        <source>Members</source>
        <translation>党员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_page.py" line="273"/>
        <source>Post</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_page.py" line="273"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_page.py" line="273"/>
        <source>Since</source>
        <translation>任职起始</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_page.py" line="274"/>
        <source>Current term</source>
        <translation>本届任期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_page.py" line="280"/>
        <source>Body</source>
        <translation>领导机构</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_page.py" line="280"/>
        <source>Term</source>
        <translation>任期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_page.py" line="280"/>
        <source>Ended</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_page.py" line="280"/>
        <source>Secretary</source>
        <translation>书记</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_page.py" line="282"/>
        <source>Past terms</source>
        <translation>历届任期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_page.py" line="285"/>
        <source>Add unit…</source>
        <translation>增设组织…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_page.py" line="286"/>
        <source>Edit unit…</source>
        <translation>编辑组织…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_page.py" line="287"/>
        <source>Close unit…</source>
        <translation>撤销组织…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_page.py" line="288"/>
        <source>New election…</source>
        <translation>换届选举…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_page.py" line="289"/>
        <source>End term…</source>
        <translation>结束任期…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_page.py" line="369"/>
        <source>Select a unit</source>
        <translation>请选择一个组织</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_page.py" line="379"/>
        <source>founded {founded} · closed {closed}</source>
        <translation>成立于 {founded} · 撤销于 {closed}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_page.py" line="383"/>
        <source>founded {founded}</source>
        <translation>成立于 {founded}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_page.py" line="387"/>
        <source>Temporary branch: members are managed here while their formal relation may stay with their home unit.</source>
        <translation>临时党支部：党员在此参加组织生活、接受管理，组织关系可保留在原单位。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_page.py" line="391"/>
        <source>Permanent branch</source>
        <translation>常设党支部</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_page.py" line="393"/>
        <source>Groups have a leader, not an elected committee.</source>
        <translation>党小组设组长，不选举委员会。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_page.py" line="399"/>
        <source>{formal} with their formal relation here · {managed} managed here (formal relation elsewhere)</source>
        <translation>组织关系在此 {formal} 人 · 在此管理 {managed} 人（组织关系在其他单位）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_page.py" line="404"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_page.py" line="418"/>
        <source>No term recorded. Record the last election to start one.</source>
        <translation>尚未登记任期。请登记最近一次选举以开始本届任期。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_page.py" line="422"/>
        <source>{body}, elected {elected}; term {start} to {end}.</source>
        <translation>{body}，{elected} 选举产生；任期 {start} 至 {end}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_page.py" line="519"/>
        <source>Close unit</source>
        <translation>撤销组织</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_page.py" line="521"/>
        <source>Close {name}, for example a temporary branch when its project ends. Its members must have been transferred and the units below it closed first; its records and terms are kept.</source>
        <translation>撤销 {name}，例如项目结束时撤销临时党支部。须先转出其党员并撤销下级组织；其记录和历届任期将保留。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_page.py" line="525"/>
        <source>Closed on</source>
        <translation>撤销日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_page.py" line="572"/>
        <source>End term</source>
        <translation>结束任期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_page.py" line="574"/>
        <source>End the current term of {name} without recording the next election here (an election ends it by itself).</source>
        <translation>结束 {name} 的本届任期，但不在此登记下一次选举（登记换届选举时本届任期会自动结束）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_page.py" line="577"/>
        <source>Ended on</source>
        <translation>结束日期</translation>
    </message>
</context>
<context>
    <name>OrgTreeModel</name>
    <message>
        <location filename="../../desktop/ui/pages/org_page.py" line="154"/>
        <source>Unit</source>
        <translation>组织</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_page.py" line="154"/>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_page.py" line="154"/>
        <source>Term ends</source>
        <translation>任期届满</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_page.py" line="168"/>
        <source>closed {date}</source>
        <translation>{date} 撤销</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../../desktop/ui/pages/overview_page.py" line="76"/>
        <source>The branch&apos;s records on this computer at a glance.</source>
        <translation>本机支部台账概况。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/overview_page.py" line="81"/>
        <source>Members on the roster</source>
        <translation>名册党员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/overview_page.py" line="82"/>
        <source>Full members</source>
        <translation>正式党员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/overview_page.py" line="83"/>
        <source>Probationary members</source>
        <translation>预备党员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/overview_page.py" line="84"/>
        <source>Members out of contact</source>
        <translation>失联党员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/overview_page.py" line="85"/>
        <source>Party groups</source>
        <translation>党小组</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/overview_page.py" line="86"/>
        <source>Users of this computer</source>
        <translation>本机用户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/overview_page.py" line="87"/>
        <source>Changes not yet sent to HQ</source>
        <translation>尚未发送到总部的更改</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/overview_page.py" line="88"/>
        <source>Saved changes in the audit trail</source>
        <translation>审计记录中的保存次数</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <location filename="../../desktop/ui/pages/members_page.py" line="288"/>
        <source>Members</source>
        <translation>党员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/overview_page.py" line="133"/>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/users_page.py" line="180"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/conflicts_page.py" line="199"/>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_page.py" line="390"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_page.py" line="311"/>
        <source>Development</source>
        <translation>发展党员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_page.py" line="590"/>
        <source>Organisation</source>
        <translation>组织架构</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_page.py" line="199"/>
        <source>Import &amp; export</source>
        <translation>导入导出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfers_page.py" line="446"/>
        <source>Transfers</source>
        <translation>组织关系转接</translation>
    </message>
</context>
<context>
    <name>PaperLetterInDialog</name>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="275"/>
        <source>Record a paper letter in</source>
        <translation>登记纸质介绍信转入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="293"/>
        <source>Serial number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="294"/>
        <source>Sending unit</source>
        <translation>转出单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="295"/>
        <source>Date issued</source>
        <translation>开具日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="296"/>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="297"/>
        <source>Dues paid up to</source>
        <translation>党费交至</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="298"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="299"/>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="300"/>
        <source>Category</source>
        <translation>党员类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="301"/>
        <source>Receipt sent</source>
        <translation>回执寄出日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="303"/>
        <source>The member joins this unit&apos;s roster; send the receipt part back by post.</source>
        <translation>该党员将加入本单位名册；请将回执联寄回转出单位。</translation>
    </message>
</context>
<context>
    <name>PasswordFields</name>
    <message>
        <location filename="../../desktop/ui/password_fields.py" line="74"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password_fields.py" line="75"/>
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/password_fields.py" line="103"/>
        <source>At least %n characters. A short sentence is easy to remember.</source>
        <translation>
            <numerusform>至少 %n 个字符。用一句短话作密码更容易记住。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/password_fields.py" line="106"/>
        <source>Too short: use at least %n characters.</source>
        <translation>
            <numerusform>太短：至少需要 %n 个字符。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password_fields.py" line="108"/>
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password_fields.py" line="110"/>
        <source>Weak: make it longer, or mix letters, digits and signs.</source>
        <translation>弱：请加长，或混合使用字母、数字和符号。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password_fields.py" line="112"/>
        <source>Fair: a few more characters would make it strong.</source>
        <translation>中：再多几个字符就更安全了。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password_fields.py" line="114"/>
        <source>Strong password.</source>
        <translation>强密码。</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="224"/>
        <source>Record receipt</source>
        <translation>登记回执</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="232"/>
        <source>Date received</source>
        <translation>接收日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="233"/>
        <source>Received by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="234"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="239"/>
        <source>The receipt goes back to the sending unit. The member&apos;s records arrive here after the next sync.</source>
        <translation>回执将送回转出单位。该党员的档案将在下次同步后转入本单位。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="244"/>
        <source>The paper receipt came back: the member has left this unit, and their records here are removed. The letter keeps what it stated.</source>
        <translation>纸质回执已收回：该党员已转出本单位，其在本机的记录将被删除。介绍信保留其所载内容。</translation>
    </message>
</context>
<context>
    <name>RecordStepDialog</name>
    <message>
        <location filename="../../desktop/ui/pages/development_dialogs.py" line="220"/>
        <source>Record a step: %1</source>
        <translation>记录步骤：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_dialogs.py" line="228"/>
        <source>Names, separated by commas</source>
        <translation>姓名，用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_dialogs.py" line="243"/>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_dialogs.py" line="244"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_dialogs.py" line="245"/>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_dialogs.py" line="246"/>
        <source>Full member</source>
        <translation>正式党员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_dialogs.py" line="247"/>
        <source>Second full member</source>
        <translation>第二名正式党员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_dialogs.py" line="248"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_dialogs.py" line="249"/>
        <source>Days of training</source>
        <translation>培训天数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_dialogs.py" line="250"/>
        <source>Class hours</source>
        <translation>学时</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_dialogs.py" line="251"/>
        <source>Probation extended to</source>
        <translation>预备期延长至</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_dialogs.py" line="252"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_dialogs.py" line="284"/>
        <source>Contact</source>
        <translation>培养联系人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_dialogs.py" line="284"/>
        <source>Second contact (optional)</source>
        <translation>第二名培养联系人（可选）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_dialogs.py" line="285"/>
        <source>Introducer</source>
        <translation>入党介绍人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_dialogs.py" line="285"/>
        <source>Second introducer</source>
        <translation>第二名入党介绍人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_dialogs.py" line="312"/>
        <source>One or two full members are assigned as contacts.</source>
        <translation>指定一至两名正式党员作为培养联系人。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_dialogs.py" line="314"/>
        <source>Two full members on the roster are the introducers.</source>
        <translation>由花名册上的两名正式党员作入党介绍人。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_dialogs.py" line="316"/>
        <source>At least 3 days or 24 class hours.</source>
        <translation>不少于 3 天或 24 个学时。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/development_dialogs.py" line="318"/>
        <source>The probation may be extended once, by at most one year.</source>
        <translation>预备期可延长一次，最长不超过一年。</translation>
    </message>
</context>
<context>
    <name>RecoveryCodePage</name>
    <message>
        <location filename="../../desktop/ui/first_run.py" line="132"/>
        <source>Write down the recovery code</source>
        <translation>请抄下恢复码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_run.py" line="135"/>
        <source>If every password is forgotten, this code is the only way to open the records again. It is shown only now and is not stored anywhere.</source>
        <translation>如果所有密码都忘记了，这个恢复码是重新打开台账的唯一办法。它只显示这一次，不会保存在任何地方。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_run.py" line="148"/>
        <source>I have written it down and will keep it somewhere safe</source>
        <translation>我已抄下恢复码，并会妥善保管</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_run.py" line="158"/>
        <source>Write it on paper and keep it locked away from this computer, for example in the branch&apos;s safe. Anyone with the code can open the records.</source>
        <translation>请写在纸上，与本机分开锁好保管，例如放在支部的保险柜里。任何人拿到恢复码都能打开台账。</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../desktop/ui/recovery_dialog.py" line="41"/>
        <source>Recover access</source>
        <translation>恢复访问</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/recovery_dialog.py" line="45"/>
        <source>Type the recovery code that was shown when Lianxin was set up on this computer, then choose a new password. If the code is lost, ask HQ.</source>
        <translation>请输入本机设置连心时显示的恢复码，然后设置新密码。如果恢复码丢失，请联系总部。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/recovery_dialog.py" line="63"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/recovery_dialog.py" line="64"/>
        <source>Recovery code</source>
        <translation>恢复码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/recovery_dialog.py" line="65"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../desktop/domain/access.py" line="58"/>
        <source>Secretary</source>
        <translation>书记</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/access.py" line="59"/>
        <source>Officer</source>
        <translation>支部委员</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/access.py" line="60"/>
        <source>Member</source>
        <translation>党员</translation>
    </message>
</context>
<context>
    <name>RosterImport</name>
    <message>
        <location filename="../../desktop/domain/roster_rows.py" line="46"/>
        <source>The name ({cell}) is empty: every member needs a name.</source>
        <translation>姓名（{cell}）为空：每名党员都必须填写姓名。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster_rows.py" line="47"/>
        <source>Blank row.</source>
        <translation>空行。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster_rows.py" line="48"/>
        <source>Summary or note row (合计, 小计, 填表人 …).</source>
        <translation>合计或备注行（合计、小计、填表人……）。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster_rows.py" line="49"/>
        <source>The header repeated (a printed page&apos;s header).</source>
        <translation>重复的表头（打印分页的表头）。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster_rows.py" line="50"/>
        <source>Column {cell} &quot;{column}&quot; is not a roster field; its values are not imported.</source>
        <translation>第 {cell} 列“{column}”不是花名册字段，该列内容不会导入。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster_rows.py" line="53"/>
        <source>Column {cell} &quot;{column}&quot; names a field another column already gives; its values are not imported.</source>
        <translation>第 {cell} 列“{column}”与另一列表示同一字段，该列内容不会导入。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster_rows.py" line="58"/>
        <source>{column} ({cell}): there is no group &quot;{text}&quot; in this branch. Add the group first, or empty the cell.</source>
        <translation>{column}（{cell}）：本支部没有名为“{text}”的党小组。请先添加该党小组，或清空此单元格。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster_rows.py" line="63"/>
        <source>{column} ({cell}): {detail}; the value entered is kept.</source>
        <translation>{column}（{cell}）：{detail}；保留所填的值。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster_rows.py" line="64"/>
        <source>{column} ({cell}): the gender and the birth date entered both differ from the ID number&apos;s; the number may belong to someone else.</source>
        <translation>{column}（{cell}）：所填性别和出生日期均与身份证号不符，该号码可能属于他人。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster_rows.py" line="69"/>
        <source>Possibly a duplicate ({detail}) of {name}, already in the roster; not imported unless allowed.</source>
        <translation>可能与花名册中已有的 {name} 重复（{detail}）；除非允许，否则不导入。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster_rows.py" line="74"/>
        <source>Possibly a duplicate ({detail}) of row {other} of this file; not imported unless allowed.</source>
        <translation>可能与本文件第 {other} 行重复（{detail}）；除非允许，否则不导入。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster_rows.py" line="78"/>
        <source>The date of full membership is before the date joined: check both.</source>
        <translation>转正时间早于入党时间：请核对这两个日期。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster_rows.py" line="81"/>
        <source>The date joined is before the date of application: check both.</source>
        <translation>入党时间早于申请入党时间：请核对这两个日期。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster_values.py" line="245"/>
        <source>{column} ({cell}): &quot;{text}&quot; is not one of {choices}.</source>
        <translation>{column}（{cell}）：“{text}”不是以下选项之一：{choices}。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster_values.py" line="246"/>
        <source>{column} ({cell}) is longer than {limit} characters.</source>
        <translation>{column}（{cell}）超过了 {limit} 个字符。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster_values.py" line="247"/>
        <source>{column} ({cell}): &quot;{text}&quot; is not a date. Write it as 1988-07-01, 1988.07 or 1988年7月.</source>
        <translation>{column}（{cell}）：“{text}”不是日期。请写成 1988-07-01、1988.07 或 1988年7月。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster_values.py" line="251"/>
        <source>{column} ({cell}): Excel stored &quot;{text}&quot; as a number, so 1988.1 and 1988.10 look the same. Format the column as text in Excel and type the date again.</source>
        <translation>{column}（{cell}）：Excel 把“{text}”存成了数字，1988.1 与 1988.10 无法区分。请在 Excel 中把该列设置为文本格式，并重新输入日期。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster_values.py" line="256"/>
        <source>{column} ({cell}): &quot;{text}&quot; gives only a year; give the month as well.</source>
        <translation>{column}（{cell}）：“{text}”只有年份，请同时填写月份。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster_values.py" line="259"/>
        <source>{column} ({cell}): &quot;{text}&quot; is in the future.</source>
        <translation>{column}（{cell}）：“{text}”是将来的日期。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster_values.py" line="260"/>
        <source>{column} ({cell}): Excel stored the ID number as a number (&quot;{text}&quot;) and lost its last digits. Format the column as text in Excel and type the number again.</source>
        <translation>{column}（{cell}）：Excel 把身份证号存成了数字（“{text}”），后几位已丢失。请在 Excel 中把该列设置为文本格式，并重新输入号码。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster_values.py" line="265"/>
        <source>{column} ({cell}): &quot;{text}&quot;: {detail}.</source>
        <translation>{column}（{cell}）：“{text}”：{detail}。</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/roster_values.py" line="266"/>
        <source>{column} ({cell}): &quot;{text}&quot; is not a phone number (one number, digits with an optional + and country code).</source>
        <translation>{column}（{cell}）：“{text}”不是电话号码（每格一个号码，由数字组成，可带 + 和国家代码）。</translation>
    </message>
</context>
<context>
    <name>RosterImportDialog</name>
    <message>
        <location filename="../../desktop/ui/pages/roster_import_dialog.py" line="76"/>
        <source>Import a roster</source>
        <extracomment>How often the progress bar asks the database thread how far it got. The import committed: ImportResult. The preview is shown (tests wait for it): ImportPlan.</extracomment>
        <translation>导入花名册</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_import_dialog.py" line="80"/>
        <source>Reading and checking every row…</source>
        <translation>正在读取并逐行检查……</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_import_dialog.py" line="82"/>
        <source>Importing…</source>
        <translation>正在导入……</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_import_dialog.py" line="85"/>
        <source>Choose another file</source>
        <translation>另选文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_import_dialog.py" line="86"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_import_dialog.py" line="88"/>
        <location filename="../../desktop/ui/pages/roster_import_dialog.py" line="223"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_import_dialog.py" line="110"/>
        <source>Import members from a spreadsheet</source>
        <translation>从电子表格导入党员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_import_dialog.py" line="114"/>
        <source>Choose an Excel workbook (.xlsx) or a CSV file. Lianxin finds the header row (姓名, 性别, 身份证号 …) by itself, skips title, blank and total rows, and shows every row&apos;s problems before anything is written. Nothing changes until you press Import, and a whole import can be undone later.</source>
        <translation>请选择 Excel 工作簿（.xlsx）或 CSV 文件。连心会自动找到表头行（姓名、性别、身份证号……），跳过标题行、空行和合计行，并在写入之前列出每一行的问题。点击“导入”之前不会做任何修改，整次导入以后也可以撤销。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_import_dialog.py" line="122"/>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_import_dialog.py" line="159"/>
        <source>Only rows with problems</source>
        <translation>只看有问题的行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_import_dialog.py" line="160"/>
        <source>Also import possible duplicates</source>
        <translation>同时导入可能重复的行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_import_dialog.py" line="200"/>
        <source>Row {row}:</source>
        <translation>第 {row} 行：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_import_dialog.py" line="223"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_import_dialog.py" line="243"/>
        <source>Choose a roster</source>
        <translation>选择花名册</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_import_dialog.py" line="245"/>
        <source>Rosters (*.xlsx *.csv);;All files (*)</source>
        <translation>花名册 (*.xlsx *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_import_dialog.py" line="269"/>
        <source>{total} rows: {ok} OK, {warning} with warnings, {error} with errors, {skipped} skipped</source>
        <translation>共 {total} 行：{ok} 行正常，{warning} 行有提醒，{error} 行有错误，{skipped} 行已跳过</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/roster_import_dialog.py" line="282"/>
        <source>Also import %n possible duplicate(s)</source>
        <translation>
            <numerusform>同时导入 %n 个可能重复的行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/roster_import_dialog.py" line="294"/>
        <source>Import %n member(s)</source>
        <translation>
            <numerusform>导入 %n 名党员</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/roster_import_dialog.py" line="316"/>
        <source>Imported %n member(s)</source>
        <translation>
            <numerusform>已导入 %n 名党员</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_import_dialog.py" line="318"/>
        <source>From {file}. The import is listed on the Import &amp; export page, where it can be undone as a whole while its members are unchanged.</source>
        <translation>来自 {file}。此次导入列在“导入导出”页面；只要其中的党员信息未被修改，就可以整体撤销。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/roster_import_dialog.py" line="326"/>
        <source>%n row(s) were not imported (errors, or possible duplicates): correct them in the file and import those rows again.</source>
        <translation>
            <numerusform>%n 行未导入（有错误或可能重复）：请在文件中改正后，再导入这些行。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <location filename="../../desktop/ui/pages/roster_page.py" line="43"/>
        <source>Import &amp; export</source>
        <extracomment>An export was written: (path, members).</extracomment>
        <translation>导入导出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_page.py" line="47"/>
        <source>Import members from an Excel or CSV roster: every row is checked and shown before anything is written. An import can be undone as a whole while none of its members has been changed. Export writes the whole roster to Excel.</source>
        <translation>从 Excel 或 CSV 花名册导入党员：写入之前会逐行检查并列出结果。只要导入的党员信息都未被修改，就可以整体撤销该次导入。导出会把整个花名册写入 Excel。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_page.py" line="54"/>
        <source>Import roster…</source>
        <translation>导入花名册…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_page.py" line="56"/>
        <source>Export roster…</source>
        <translation>导出花名册…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_page.py" line="57"/>
        <source>Undo import…</source>
        <translation>撤销导入…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_page.py" line="68"/>
        <source>Past imports</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_page.py" line="70"/>
        <source>No roster has been imported yet.</source>
        <translation>还没有导入过花名册。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_page.py" line="144"/>
        <source>Export the roster</source>
        <translation>导出花名册</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_page.py" line="145"/>
        <source>roster.xlsx</source>
        <translation>花名册.xlsx</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_page.py" line="146"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_page.py" line="162"/>
        <source>Roster exported</source>
        <translation>花名册已导出</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/roster_page.py" line="163"/>
        <source>%n member(s) written to {file}.</source>
        <translation>
            <numerusform>已将 %n 名党员写入 {file}。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_page.py" line="165"/>
        <source>The file is not encrypted: keep it safe, and delete it when it is no longer needed.</source>
        <translation>该文件未加密：请妥善保管，不再需要时请删除。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_page.py" line="179"/>
        <source>Undo import</source>
        <translation>撤销导入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_page.py" line="180"/>
        <source>Remove the {count} members imported from {file}?</source>
        <translation>要删除从 {file} 导入的 {count} 名党员吗？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_page.py" line="184"/>
        <source>They are removed from the roster on every computer after the next sync. This is refused if any of them has been changed since the import.</source>
        <translation>下次同步后，这些党员将从所有电脑的花名册中删除。如果其中有人的信息在导入后被修改过，则不能撤销。</translation>
    </message>
</context>
<context>
    <name>RosterTables</name>
    <message>
        <location filename="../../desktop/ui/pages/roster_models.py" line="38"/>
        <source>OK</source>
        <extracomment>The invisible root: a table&apos;s rows have no parent. The row&apos;s item (an ImportRecord or a PlannedRow) for actions on the selection.</extracomment>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_models.py" line="39"/>
        <source>Warning</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_models.py" line="40"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_models.py" line="41"/>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_models.py" line="104"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_models.py" line="105"/>
        <source>Imported</source>
        <translation>导入时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_models.py" line="106"/>
        <source>Members</source>
        <translation>党员数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_models.py" line="107"/>
        <source>Not imported</source>
        <translation>未导入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_models.py" line="108"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_models.py" line="109"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_models.py" line="153"/>
        <source>Undone {time}</source>
        <translation>已于 {time} 撤销</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_models.py" line="156"/>
        <source>In the roster</source>
        <translation>在花名册中</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_models.py" line="170"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_models.py" line="171"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_models.py" line="172"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster_models.py" line="173"/>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../desktop/settings.py" line="59"/>
        <source>Language</source>
        <extracomment>Portable settings travel with the data folder; local ones stay on this machine.</extracomment>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../desktop/settings.py" line="61"/>
        <source>Lock after idle minutes</source>
        <translation>空闲多少分钟后锁定</translation>
    </message>
    <message>
        <location filename="../../desktop/settings.py" line="63"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/settings.py" line="64"/>
        <source>Last user</source>
        <translation>上次登录的用户</translation>
    </message>
    <message>
        <location filename="../../desktop/settings.py" line="66"/>
        <source>Window geometry</source>
        <translation>窗口位置和大小</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="34"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="45"/>
        <source>The new language applies after Lianxin restarts.</source>
        <translation>新语言将在连心重新启动后生效。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="52"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="54"/>
        <source>When nobody uses the computer for this long, Lianxin locks itself.</source>
        <translation>电脑无人使用达到这个时间后，连心会自动锁定。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="57"/>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="59"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="61"/>
        <source>Lock after</source>
        <translation>自动锁定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="66"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="75"/>
        <source>Lianxin opens this folder the next time it starts. Move the data there first; an empty folder starts a new setup.</source>
        <translation>连心下次启动时将打开此文件夹。请先把数据移到那里；如果是空文件夹，将开始新的设置。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="79"/>
        <source>Only the branch secretary can change the data folder.</source>
        <translation>只有支部书记可以更改数据文件夹。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="81"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="106"/>
        <source>Choose the data folder</source>
        <translation>选择数据文件夹</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="194"/>
        <source>{name} · {role}</source>
        <extracomment>The sync state was clicked: show the sync log.</extracomment>
        <translation>{name} · {role}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="211"/>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="212"/>
        <source>Lock Lianxin now (Ctrl+L)</source>
        <translation>立即锁定连心（Ctrl+L）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/status_bar.py" line="237"/>
        <source>%Ln change(s) not yet sent to HQ</source>
        <translation>
            <numerusform>%Ln 项更改尚未发送到总部</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="239"/>
        <source>Everything sent to HQ</source>
        <translation>所有更改均已发送到总部</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="245"/>
        <source>Last saved {time}</source>
        <translation>最后保存于 {time}</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="447"/>
        <source>Change status of {name}</source>
        <extracomment>Adding a member is the same dialog without a member (one class: PySide&apos;s tr() takes the runtime class name as its context, so a subclass would need translations of its own).</extracomment>
        <translation>变更 {name} 的党籍状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="458"/>
        <source>Why, and who decided (kept in the history)</source>
        <translation>原因及决定人（记入历史）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="461"/>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="462"/>
        <source>New status</source>
        <translation>新状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="463"/>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="464"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../desktop/ui/pages/sync_page.py" line="56"/>
        <source>officers&apos; computer</source>
        <extracomment>Sync log lines shown (the log keeps the last thousand).</extracomment>
        <translation>党务工作用机</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_page.py" line="57"/>
        <source>a member&apos;s computer</source>
        <translation>党员个人用机</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_page.py" line="106"/>
        <source>Sync with HQ</source>
        <extracomment>File choosers (tests replace them).</extracomment>
        <translation>与总部同步</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_page.py" line="110"/>
        <source>Lianxin works without a link. Changes made here wait on this computer and are exchanged with HQ whenever a link is up: by themselves, a few seconds after a change and every few minutes. Where only files travel, use sync files.</source>
        <translation>连心无需联网也能使用。在本机所做的更改先保存在本机，一有网络连接就自动与总部交换：更改后几秒钟内，以及每隔几分钟。只能传递文件时，请使用同步文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_page.py" line="138"/>
        <source>HQ</source>
        <translation>总部</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_page.py" line="139"/>
        <source>Enrolled for</source>
        <translation>接入单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_page.py" line="140"/>
        <source>Last successful sync</source>
        <translation>上次成功同步</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_page.py" line="141"/>
        <source>Waiting to be sent</source>
        <translation>等待发送</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_page.py" line="142"/>
        <source>Now</source>
        <translation>当前状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_page.py" line="145"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_page.py" line="148"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_page.py" line="150"/>
        <source>Connect to HQ…</source>
        <translation>连接总部…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_page.py" line="152"/>
        <source>Export sync file…</source>
        <translation>导出同步文件…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_page.py" line="154"/>
        <source>Import sync file…</source>
        <translation>导入同步文件…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_page.py" line="168"/>
        <source>Sync log</source>
        <translation>同步日志</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_page.py" line="169"/>
        <location filename="../../desktop/ui/pages/sync_page.py" line="220"/>
        <source>Refused by HQ</source>
        <translation>被总部退回</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_page.py" line="196"/>
        <source>{unit} ({level})</source>
        <translation>{unit}（{level}）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_page.py" line="201"/>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_page.py" line="202"/>
        <location filename="../../desktop/ui/pages/sync_page.py" line="229"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_page.py" line="204"/>
        <source>Never</source>
        <translation>从未</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/sync_page.py" line="207"/>
        <source>%Ln change(s)</source>
        <translation>
            <numerusform>%Ln 项更改</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_page.py" line="209"/>
        <source>Nothing</source>
        <translation>无</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/sync_page.py" line="212"/>
        <source>%Ln conflict(s) to review</source>
        <translation>
            <numerusform>待处理冲突 %Ln 项</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_page.py" line="218"/>
        <source>Refused by HQ ({count})</source>
        <translation>被总部退回（{count}）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_page.py" line="251"/>
        <source>Only the branch secretary can connect to HQ.</source>
        <translation>只有支部书记可以连接总部。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_page.py" line="296"/>
        <source>The first sync starts now; the status bar shows how it goes.</source>
        <translation>首次同步现在开始，进度显示在状态栏中。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_page.py" line="300"/>
        <source>HQ does not know this branch&apos;s groups yet: {groups}. Tell HQ, so that it adds them and members keep their groups.</source>
        <translation>总部尚不知道本支部的党小组：{groups}。请告知总部添加这些党小组，以便党员保留所属党小组。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_page.py" line="305"/>
        <source>Connected to HQ</source>
        <translation>已连接总部</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_page.py" line="306"/>
        <source>This computer is now connected to HQ for {unit} ({level}).</source>
        <translation>本机已连接总部，接入单位：{unit}（{level}）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_page.py" line="317"/>
        <source>Export sync file</source>
        <translation>导出同步文件</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/sync_page.py" line="329"/>
        <source>%Ln change(s) in the file.</source>
        <translation>
            <numerusform>文件中含 %Ln 项更改。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/sync_page.py" line="332"/>
        <source>%Ln more did not fit: they go in the next sync file.</source>
        <translation>
            <numerusform>另有 %Ln 项未能装入，将放入下一个同步文件。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_page.py" line="335"/>
        <source>Take it to HQ (USB stick, e-mail or the satellite terminal); it is encrypted for HQ. Import HQ&apos;s reply file here when it comes back.</source>
        <translation>请将文件送交总部（U 盘、电子邮件或卫星终端），文件已为总部加密。收到总部的回复文件后，请在这里导入。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_page.py" line="340"/>
        <source>Sync file written</source>
        <translation>同步文件已生成</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_page.py" line="341"/>
        <source>The sync file was saved as {path}.</source>
        <translation>同步文件已保存为 {path}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_page.py" line="352"/>
        <source>Import sync file</source>
        <translation>导入同步文件</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/sync_page.py" line="371"/>
        <source>HQ stored %Ln change(s) from this computer</source>
        <translation>
            <numerusform>总部已保存本机的 %Ln 项更改</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/sync_page.py" line="372"/>
        <source>; %Ln record(s) came from HQ.</source>
        <translation>
            <numerusform>；从总部收到 %Ln 条记录。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_page.py" line="375"/>
        <source>HQ has more for this computer: export a new sync file, or sync over the network.</source>
        <translation>总部还有更多内容要发给本机：请再导出一个同步文件，或通过网络同步。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_page.py" line="379"/>
        <source>Sync file imported</source>
        <translation>同步文件已导入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_page.py" line="379"/>
        <source>HQ&apos;s reply was applied.</source>
        <translation>已应用总部的回复。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_page.py" line="385"/>
        <source>Lianxin sync files (*{suffix});;All files (*)</source>
        <translation>连心同步文件 (*{suffix});;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="61"/>
        <source>Last synced {time}</source>
        <extracomment>The sync state&apos;s text is cut to this width; the tooltip has all of it. For a failure: what went wrong, what to do, when the next try is (no &quot;last synced&quot;).</extracomment>
        <translation>上次同步 {time}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="65"/>
        <source>Never synced</source>
        <translation>从未同步</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="71"/>
        <source>Not connected to HQ</source>
        <translation>未连接总部</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="72"/>
        <source>This computer is not connected to HQ yet; the secretary connects it on the Sync page. Until then every change stays on this computer.</source>
        <translation>本机尚未连接总部，由支部书记在“同步”页面连接。在此之前，所有更改只保存在本机。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="81"/>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="83"/>
        <source>Syncing: sent {sent} of {total}</source>
        <translation>正在同步：已发送 {sent}/{total}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="87"/>
        <source>Syncing: received {received}</source>
        <translation>正在同步：已接收 {received}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="91"/>
        <source>Syncing: received {received} of {total}</source>
        <translation>正在同步：已接收 {received}/{total}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="95"/>
        <source>Syncing: making the new records searchable…</source>
        <translation>正在同步：为新记录建立搜索索引…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="102"/>
        <source>Syncing: sending files, {done} of {total}</source>
        <translation>正在同步：发送文件 {done}/{total}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="106"/>
        <source>Syncing: receiving files, {done} of {total}</source>
        <translation>正在同步：接收文件 {done}/{total}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="112"/>
        <source>Sync stopped</source>
        <translation>同步已停止</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="121"/>
        <source>Next try at {time}.</source>
        <translation>将于 {time} 再次尝试。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="129"/>
        <source>HQ not reachable</source>
        <translation>无法连接总部</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="135"/>
        <source>Sync failed: {reason}</source>
        <translation>同步失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="144"/>
        <source>Synced {time}</source>
        <translation>已同步 {time}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="147"/>
        <source>The last sync with HQ succeeded. Click for the sync log.</source>
        <translation>上次与总部同步成功。点击查看同步日志。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="153"/>
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="154"/>
        <source>Click for the sync log.</source>
        <translation>点击查看同步日志。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="164"/>
        <source>Clock off by {minutes} min</source>
        <translation>时钟偏差 {minutes} 分钟</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="168"/>
        <source>This computer&apos;s clock is {minutes} minutes behind HQ&apos;s. Set the date, time and time zone correctly; sync goes on working meanwhile.</source>
        <translation>本机时钟比总部慢 {minutes} 分钟。请正确设置日期、时间和时区；同步不受影响。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="174"/>
        <source>This computer&apos;s clock is {minutes} minutes ahead of HQ&apos;s. Set the date, time and time zone correctly; sync goes on working meanwhile.</source>
        <translation>本机时钟比总部快 {minutes} 分钟。请正确设置日期、时间和时区；同步不受影响。</translation>
    </message>
</context>
<context>
    <name>SyncTables</name>
    <message>
        <location filename="../../desktop/ui/pages/sync_models.py" line="44"/>
        <source>Network</source>
        <extracomment>The invisible root: a table&apos;s rows have no parent. The row&apos;s item (a Conflict, a log line …) for actions on the selection.</extracomment>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_models.py" line="45"/>
        <source>Command line</source>
        <translation>命令行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_models.py" line="46"/>
        <source>Sync file</source>
        <translation>同步文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_models.py" line="49"/>
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_models.py" line="50"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_models.py" line="51"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_models.py" line="68"/>
        <location filename="../../desktop/ui/pages/sync_models.py" line="78"/>
        <source>(empty)</source>
        <extracomment>Fields whose stored values have labels (gender &quot;male&quot; is shown as 男).</extracomment>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_models.py" line="71"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_models.py" line="73"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_models.py" line="76"/>
        <source>(binary data)</source>
        <translation>（二进制数据）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_models.py" line="90"/>
        <source>(a new record)</source>
        <translation>（新记录）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_models.py" line="100"/>
        <source>this computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_models.py" line="102"/>
        <source>another computer</source>
        <translation>其他电脑</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_models.py" line="229"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_models.py" line="230"/>
        <source>Via</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_models.py" line="231"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_models.py" line="232"/>
        <source>Sent</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_models.py" line="233"/>
        <source>Received</source>
        <translation>接收</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_models.py" line="234"/>
        <source>Data</source>
        <translation>数据量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_models.py" line="235"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_models.py" line="267"/>
        <source>Refused at</source>
        <translation>退回时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_models.py" line="268"/>
        <location filename="../../desktop/ui/pages/sync_models.py" line="288"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_models.py" line="269"/>
        <location filename="../../desktop/ui/pages/sync_models.py" line="289"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_models.py" line="270"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_models.py" line="271"/>
        <source>HQ&apos;s reason</source>
        <translation>总部说明</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_models.py" line="290"/>
        <source>Current value</source>
        <translation>当前值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_models.py" line="291"/>
        <source>Written by</source>
        <translation>修改来源</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_models.py" line="292"/>
        <source>Overwritten value</source>
        <translation>被覆盖的值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_models.py" line="293"/>
        <source>Overwritten by</source>
        <translation>被覆盖值来源</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_models.py" line="294"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_models.py" line="304"/>
        <source>(record deleted)</source>
        <translation>（记录已删除）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_models.py" line="324"/>
        <source>Reviewed; sent with the next sync</source>
        <translation>已处理，下次同步时发送</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_models.py" line="326"/>
        <source>Edit lost to a delete</source>
        <translation>修改因删除而失效</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_models.py" line="327"/>
        <source>To review</source>
        <translation>待处理</translation>
    </message>
</context>
<context>
    <name>TermWarnings</name>
    <message>
        <location filename="../../desktop/ui/pages/overview_page.py" line="47"/>
        <source>Committee terms</source>
        <translation>委员会任期</translation>
    </message>
</context>
<context>
    <name>TransferDialogs</name>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="211"/>
        <source>Letter {serial}: {name}, from {source} to {target}</source>
        <translation>介绍信 {serial}：{name}，由 {source} 转往 {target}</translation>
    </message>
</context>
<context>
    <name>TransferLetter</name>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="501"/>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="574"/>
        <source>Serial number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="502"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="504"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="507"/>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="508"/>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="510"/>
        <source>Category</source>
        <translation>党员类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="513"/>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="514"/>
        <source>From</source>
        <translation>转出单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="515"/>
        <source>To</source>
        <translation>转入单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="516"/>
        <source>Dues paid up to</source>
        <translation>党费交至</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="517"/>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="518"/>
        <source>Date issued</source>
        <translation>开具日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="536"/>
        <source>cut here</source>
        <translation>沿此线剪开</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="547"/>
        <source>Comrade {name} ({gender}, {age}, {ethnicity}, {category}, ID number {number}) transfers their Party membership relation from {source} to {target}. Please receive them. Dues are paid up to {paid}. This letter is valid for {days} days.</source>
        <translation>兹介绍 {name} 同志（{gender}，{age} 岁，{ethnicity}，{category}，身份证号码 {number}）的党员组织关系由 {source} 转到 {target}，请接洽。该同志党费已交到 {paid}。（有效期 {days} 天）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="564"/>
        <source>{source}: the Party membership relation of comrade {name} (letter {serial}) has been received here.</source>
        <translation>{source}：{name} 同志的党员组织关系（介绍信编号 {serial}）已转达我处，特此回执。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="569"/>
        <source>Party membership transfer letter — stub</source>
        <translation>中国共产党党员组织关系介绍信（存根）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="572"/>
        <source>Party membership transfer letter</source>
        <translation>中国共产党党员组织关系介绍信</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="573"/>
        <source>Receipt</source>
        <translation>回执</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="575"/>
        <source>Receiving unit (seal)</source>
        <translation>接收单位（盖章）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="576"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
</context>
<context>
    <name>TransferOutDialog</name>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="109"/>
        <source>Transfer a member out</source>
        <translation>党员组织关系转出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="113"/>
        <source>To a unit in Lianxin (through HQ)</source>
        <translation>转往连心系统内单位（经总部）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="114"/>
        <source>To a unit outside Lianxin (paper letter)</source>
        <translation>转往系统外单位（纸质介绍信）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="117"/>
        <source>The unit&apos;s id, as HQ gives it</source>
        <translation>总部提供的单位编号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="124"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="128"/>
        <source>Member</source>
        <translation>党员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="129"/>
        <source>Route</source>
        <translation>转接方式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="130"/>
        <source>Receiving unit</source>
        <translation>转入单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="131"/>
        <source>Unit id</source>
        <translation>单位编号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="132"/>
        <source>Unit name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="133"/>
        <source>Dues paid up to</source>
        <translation>党费交至</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="134"/>
        <source>Valid for</source>
        <translation>有效期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="135"/>
        <source>Date issued</source>
        <translation>开具日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="136"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="139"/>
        <source>The member stays in this unit until the receipt comes back. A letter through Lianxin reaches the receiving unit with the next sync.</source>
        <translation>收到回执前，该党员仍在本单位。经连心系统开出的介绍信将在下次同步后到达接收单位。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfer_dialogs.py" line="162"/>
        <source>Another unit in Lianxin (by its id)…</source>
        <translation>连心系统内其他单位（按编号）…</translation>
    </message>
</context>
<context>
    <name>TransfersModel</name>
    <message>
        <location filename="../../desktop/ui/pages/transfers_page.py" line="60"/>
        <source>Waiting for receipt</source>
        <translation>等待回执</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfers_page.py" line="61"/>
        <source>Receipted</source>
        <translation>已回执</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfers_page.py" line="62"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfers_page.py" line="63"/>
        <source>Cancelled</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfers_page.py" line="73"/>
        <source>Lianxin</source>
        <extracomment>Readable on the light theme: green done, amber waiting, red overdue, grey cancelled.</extracomment>
        <translation>连心系统</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfers_page.py" line="74"/>
        <source>Paper</source>
        <translation>纸质</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfers_page.py" line="77"/>
        <source>Out</source>
        <translation>流出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfers_page.py" line="78"/>
        <source>In</source>
        <translation>流入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfers_page.py" line="144"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfers_page.py" line="152"/>
        <location filename="../../desktop/ui/pages/transfers_page.py" line="161"/>
        <source>Serial</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfers_page.py" line="153"/>
        <location filename="../../desktop/ui/pages/transfers_page.py" line="162"/>
        <location filename="../../desktop/ui/pages/transfers_page.py" line="170"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfers_page.py" line="154"/>
        <source>To</source>
        <translation>转往</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfers_page.py" line="155"/>
        <location filename="../../desktop/ui/pages/transfers_page.py" line="164"/>
        <source>Route</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfers_page.py" line="156"/>
        <location filename="../../desktop/ui/pages/transfers_page.py" line="165"/>
        <source>Issued</source>
        <translation>开具日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfers_page.py" line="157"/>
        <location filename="../../desktop/ui/pages/transfers_page.py" line="166"/>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfers_page.py" line="163"/>
        <source>From</source>
        <translation>来自</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfers_page.py" line="172"/>
        <source>Direction</source>
        <translation>流向</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfers_page.py" line="175"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfers_page.py" line="176"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfers_page.py" line="177"/>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfers_page.py" line="178"/>
        <source>Since</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfers_page.py" line="179"/>
        <source>Back on</source>
        <translation>返回日期</translation>
    </message>
</context>
<context>
    <name>TransfersPage</name>
    <message>
        <location filename="../../desktop/ui/pages/transfers_page.py" line="233"/>
        <source>Transfers</source>
        <translation>组织关系转接</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfers_page.py" line="237"/>
        <source>Membership transfers and floating members. A letter to a unit in Lianxin travels through HQ; the member moves there once the receiving unit records the receipt.</source>
        <translation>组织关系转接和流动党员管理。开往连心系统内单位的介绍信经总部传递；接收单位登记回执后，党员随即转入该单位。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfers_page.py" line="251"/>
        <source>Transfer out…</source>
        <translation>转出…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfers_page.py" line="252"/>
        <source>Print letter…</source>
        <translation>打印介绍信…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfers_page.py" line="253"/>
        <source>Paper receipt back…</source>
        <translation>登记纸质回执…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfers_page.py" line="254"/>
        <source>Cancel letter…</source>
        <translation>撤销介绍信…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfers_page.py" line="255"/>
        <source>Record receipt…</source>
        <translation>登记回执…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfers_page.py" line="256"/>
        <source>Paper letter in…</source>
        <translation>登记纸质介绍信转入…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfers_page.py" line="257"/>
        <source>Floating out…</source>
        <translation>登记流出…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfers_page.py" line="258"/>
        <source>Floating in…</source>
        <translation>登记流入…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfers_page.py" line="259"/>
        <source>Returned…</source>
        <translation>登记返回…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfers_page.py" line="276"/>
        <source>Letters out</source>
        <translation>转出介绍信</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfers_page.py" line="280"/>
        <source>Letters in</source>
        <translation>转入介绍信</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfers_page.py" line="288"/>
        <source>Floating members</source>
        <translation>流动党员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfers_page.py" line="320"/>
        <source>{waiting} waiting · {overdue} overdue</source>
        <translation>{waiting} 封等待回执 · {overdue} 封已逾期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfers_page.py" line="326"/>
        <source>{waiting} to receipt</source>
        <translation>{waiting} 封待回执</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfers_page.py" line="332"/>
        <source>{count} currently floating</source>
        <translation>当前流动党员 {count} 名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfers_page.py" line="400"/>
        <source>Cancel letter</source>
        <translation>撤销介绍信</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfers_page.py" line="401"/>
        <source>Cancel letter {serial} for {name}?</source>
        <translation>要撤销 {name} 的介绍信 {serial} 吗？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfers_page.py" line="404"/>
        <source>The member stays in this unit. The letter is kept in the list as cancelled.</source>
        <translation>该党员仍留在本单位。介绍信将以“已撤销”状态保留在列表中。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfers_page.py" line="420"/>
        <source>Save letter as PDF</source>
        <translation>将介绍信保存为 PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/transfers_page.py" line="420"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>UnitDialog</name>
    <message>
        <location filename="../../desktop/ui/pages/org_dialogs.py" line="119"/>
        <source>Edit unit</source>
        <extracomment>The date shown as &quot;not recorded&quot; in optional date fields. Wait this long after the last keystroke before searching the roster.</extracomment>
        <translation>编辑组织</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_dialogs.py" line="119"/>
        <source>Add unit</source>
        <translation>增设组织</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_dialogs.py" line="122"/>
        <source>{name} is kept by this computer&apos;s unit.</source>
        <translation>{name} 由本机所属组织维护。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_dialogs.py" line="124"/>
        <source>The new unit comes under {name}.</source>
        <translation>新组织隶属于 {name}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_dialogs.py" line="135"/>
        <source>Orders the units: 01, 02 …</source>
        <translation>用于排序：01、02 …</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_dialogs.py" line="138"/>
        <source>Country and site, or the office&apos;s address</source>
        <translation>国家和项目地点，或办公地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_dialogs.py" line="139"/>
        <source>Not recorded</source>
        <translation>未登记</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_dialogs.py" line="140"/>
        <source>Temporary branch for a project</source>
        <translation>项目临时党支部</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_dialogs.py" line="142"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_dialogs.py" line="144"/>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_dialogs.py" line="145"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_dialogs.py" line="146"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/org_dialogs.py" line="147"/>
        <source>Founded</source>
        <translation>成立日期</translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <location filename="../../desktop/ui/unlock_screen.py" line="53"/>
        <location filename="../../desktop/ui/unlock_screen.py" line="60"/>
        <source>Lianxin</source>
        <extracomment>The user closed the window instead of unlocking.</extracomment>
        <translation>连心</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_screen.py" line="63"/>
        <source>The branch&apos;s records are locked. Sign in to open them.</source>
        <translation>支部台账已锁定。请登录后打开。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_screen.py" line="74"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_screen.py" line="85"/>
        <source>Forgot password?</source>
        <translation>忘记密码？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_screen.py" line="90"/>
        <source>Data folder: {folder}</source>
        <translation>数据文件夹：{folder}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_screen.py" line="96"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_screen.py" line="97"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_screen.py" line="151"/>
        <source>{name} (locked)</source>
        <translation>{name}（已锁定）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/unlock_screen.py" line="179"/>
        <source>This user is locked after too many wrong passwords. Ask the branch secretary to set a new password, or use the recovery code.</source>
        <translation>该用户因多次密码错误已被锁定。请支部书记设置新密码，或使用恢复码。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/unlock_screen.py" line="253"/>
        <source>You can try again in %n second(s).</source>
        <translation>
            <numerusform>%n 秒后可以再试。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <location filename="../../desktop/ui/pages/users_model.py" line="21"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/users_model.py" line="22"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/users_model.py" line="23"/>
        <source>Sign-in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/users_model.py" line="65"/>
        <source>{name} (you)</source>
        <extracomment>The invisible root: a table&apos;s rows have no parent.</extracomment>
        <translation>{name}（您）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/users_model.py" line="72"/>
        <source>Locked: needs a new password</source>
        <translation>已锁定：需要设置新密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/users_model.py" line="73"/>
        <source>Can sign in</source>
        <translation>可以登录</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location filename="../../desktop/ui/pages/users_page.py" line="34"/>
        <source>Users of this computer</source>
        <translation>本机用户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/users_page.py" line="38"/>
        <source>Everyone who uses Lianxin on this computer signs in as their own user. Passwords are never stored: each one unlocks its own copy of the key to the encrypted records.</source>
        <translation>每位在本机使用连心的人都以自己的用户登录。密码从不保存：每个密码解开各自的一份密钥副本，用来打开加密的台账。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/users_page.py" line="56"/>
        <source>Add user…</source>
        <translation>添加用户…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/users_page.py" line="57"/>
        <source>Set new password…</source>
        <translation>设置新密码…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/users_page.py" line="58"/>
        <source>Change role…</source>
        <translation>更改角色…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/users_page.py" line="59"/>
        <source>Remove user…</source>
        <translation>删除用户…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/users_page.py" line="166"/>
        <source>Remove user</source>
        <translation>删除用户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/users_page.py" line="167"/>
        <source>Remove {name} from this computer?</source>
        <translation>要从本机删除 {name} 吗？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/users_page.py" line="168"/>
        <source>They will no longer be able to sign in here. Records they wrote are kept.</source>
        <translation>此人将无法再在本机登录。其录入的记录会保留。</translation>
    </message>
</context>
</TS>
