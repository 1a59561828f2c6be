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
    <name>AddMemberDialog</name>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="32"/>
        <source>Add member</source>
        <extracomment>The date shown as &quot;not given&quot; in the date field.</extracomment>
        <translation>添加党员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="38"/>
        <source>18 characters; gender and birth date follow</source>
        <translation>18 位；性别和出生日期将自动识别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="40"/>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="47"/>
        <source>Not given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="55"/>
        <source>No group</source>
        <translation>未分组</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="59"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="60"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="61"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="62"/>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="63"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="64"/>
        <source>Category</source>
        <translation>党员类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="65"/>
        <source>Group</source>
        <translation>党小组</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/member_dialog.py" line="66"/>
        <source>Only the name is required. More details can be added later.</source>
        <translation>只有姓名必填，其他信息可以以后补充。</translation>
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
        <location filename="../../desktop/domain/members.py" line="69"/>
        <source>The ID number {number} is not valid (check digit or date).</source>
        <extracomment>The roster&apos;s order: by name (Chinese collation comes with the members feature).</extracomment>
        <translation>身份证号 {number} 无效（校验位或日期有误）。</translation>
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
        <location filename="../../desktop/store/records.py" line="212"/>
        <location filename="../../desktop/store/schema/registry.py" line="253"/>
        <source>no such field</source>
        <extracomment>One change as the change log stores it: (row_id, tbl, col, value, hlc, base_hlc, author, device, device_seq) Marks a change that will get a device_seq when its transaction is sealed. The local user id stamped on every change (set at unlock).
----------
The column a change names when it creates a row. Its value is a JSON object of every field the row was created with (owner and audience included); all of them share the change&apos;s stamp and have no base version. Per-field merge treats it exactly as that many field changes (`expand_change`); logging a creation once instead of once per field keeps an import&apos;s change log, and a device&apos;s first sync, about 18 times smaller. Columns every record table has, managed by the store (never declared by features). `owner_org` and `audience` are synced like any other field (a transfer moves a row). For Scope.PERSONAL: the column holding the member id the row is about. Short description for developers and the export sheet name.</extracomment>
        <translation>没有此字段</translation>
    </message>
    <message>
        <location filename="../../desktop/store/records.py" line="215"/>
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
        <location filename="../../desktop/ui/main_window.py" line="47"/>
        <source>Lianxin</source>
        <extracomment>The user closed the window (quit); locking hides it instead. The settings dialog saved new preferences (auto-lock applies at once).</extracomment>
        <translation>连心</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="87"/>
        <source>&amp;Lianxin</source>
        <translation>连心(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="88"/>
        <source>Change my password…</source>
        <translation>修改我的密码…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="90"/>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="94"/>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="97"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="100"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="101"/>
        <source>About Lianxin</source>
        <translation>关于连心</translation>
    </message>
</context>
<context>
    <name>MembersModel</name>
    <message>
        <location filename="../../desktop/ui/pages/members_model.py" line="42"/>
        <source>Name</source>
        <extracomment>Rows fetched per trip to the database thread. Pages kept in memory; older ones are fetched again if scrolled back to. (field, header) in display order. &quot;group&quot; is the group&apos;s name, not its id.</extracomment>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/members_model.py" line="43"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/members_model.py" line="44"/>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/members_model.py" line="45"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/members_model.py" line="46"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/members_model.py" line="47"/>
        <source>Category</source>
        <translation>党员类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/members_model.py" line="48"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/members_model.py" line="49"/>
        <source>Group</source>
        <translation>党小组</translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message>
        <location filename="../../desktop/ui/pages/members_page.py" line="50"/>
        <source>Members</source>
        <extracomment>Wait this long after the last keystroke before searching. Starting widths (pixels) of the columns; the last one stretches.</extracomment>
        <translation>党员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/members_page.py" line="57"/>
        <source>Search by name, pinyin, initials, ID number or phone</source>
        <translation>按姓名、拼音、首字母、身份证号或电话搜索</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/members_page.py" line="62"/>
        <source>Add member…</source>
        <translation>添加党员…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/members_page.py" line="127"/>
        <source>%Ln member(s) found</source>
        <translation>
            <numerusform>找到 %Ln 名党员</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/members_page.py" line="129"/>
        <location filename="../../desktop/ui/pages/members_page.py" line="132"/>
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
    <name>OverviewPage</name>
    <message>
        <location filename="../../desktop/ui/pages/overview_page.py" line="42"/>
        <source>The branch&apos;s records on this computer at a glance.</source>
        <translation>本机支部台账概况。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/overview_page.py" line="47"/>
        <source>Members on the roster</source>
        <translation>名册党员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/overview_page.py" line="48"/>
        <source>Full members</source>
        <translation>正式党员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/overview_page.py" line="49"/>
        <source>Probationary members</source>
        <translation>预备党员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/overview_page.py" line="50"/>
        <source>Members out of contact</source>
        <translation>失联党员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/overview_page.py" line="51"/>
        <source>Party groups</source>
        <translation>党小组</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/overview_page.py" line="52"/>
        <source>Users of this computer</source>
        <translation>本机用户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/overview_page.py" line="53"/>
        <source>Changes not yet sent to HQ</source>
        <translation>尚未发送到总部的更改</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/overview_page.py" line="54"/>
        <source>Saved changes in the audit trail</source>
        <translation>审计记录中的保存次数</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <location filename="../../desktop/ui/pages/members_page.py" line="162"/>
        <source>Members</source>
        <translation>党员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/overview_page.py" line="94"/>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/users_page.py" line="180"/>
        <source>Users</source>
        <translation>用户</translation>
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
        <location filename="../../desktop/domain/access.py" line="36"/>
        <source>Secretary</source>
        <translation>书记</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/access.py" line="37"/>
        <source>Officer</source>
        <translation>支部委员</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/access.py" line="38"/>
        <source>Member</source>
        <translation>党员</translation>
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
        <location filename="../../desktop/ui/status_bar.py" line="34"/>
        <source>{name} · {role}</source>
        <translation>{name} · {role}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="41"/>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="42"/>
        <source>Lock Lianxin now (Ctrl+L)</source>
        <translation>立即锁定连心（Ctrl+L）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/status_bar.py" line="61"/>
        <source>%Ln change(s) not yet sent to HQ</source>
        <translation>
            <numerusform>%Ln 项更改尚未发送到总部</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="63"/>
        <source>Everything sent to HQ</source>
        <translation>所有更改均已发送到总部</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="69"/>
        <source>Last saved {time}</source>
        <translation>最后保存于 {time}</translation>
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
