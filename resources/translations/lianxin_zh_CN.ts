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
        <location filename="../../desktop/store/records.py" line="227"/>
        <location filename="../../desktop/store/schema/registry.py" line="253"/>
        <source>no such field</source>
        <extracomment>One change as the change log stores it: (row_id, tbl, col, value, hlc, base_hlc, author, device, device_seq) Marks a change that will get a device_seq when its transaction is sealed. The local user id stamped on every change (set at unlock).
----------
The column a change names when it creates a row. Its value is a JSON object of every field the row was created with (owner and audience included); all of them share the change&apos;s stamp and have no base version. Per-field merge treats it exactly as that many field changes (`expand_change`); logging a creation once instead of once per field keeps an import&apos;s change log, and a device&apos;s first sync, about 18 times smaller. Columns every record table has, managed by the store (never declared by features). `owner_org` and `audience` are synced like any other field (a transfer moves a row). For Scope.PERSONAL: the column holding the member id the row is about. Short description for developers and the export sheet name.</extracomment>
        <translation>没有此字段</translation>
    </message>
    <message>
        <location filename="../../desktop/store/records.py" line="230"/>
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
        <source>There is no file at {path}.</source>
        <extracomment>The content is on this computer (else: not fetched yet; media comes on request). Media this computer asked for; it arrives with the next sync.</extracomment>
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
        <location filename="../../desktop/store/blobs.py" line="88"/>
        <source>An attached file is damaged: {detail}</source>
        <extracomment>Plaintext bytes per chunk: small enough that a seek decrypts little, large enough that the 28 bytes each chunk adds (nonce and tag) stay below 0.05 %. The largest file the store (and HQ) accepts. Files in tmp/ older than this were left by a crash (nothing writes for a day).</extracomment>
        <translation>附件已损坏：{detail}</translation>
    </message>
    <message>
        <location filename="../../desktop/store/blobs.py" line="89"/>
        <source>Sync again to fetch it anew from HQ, or attach the file again.</source>
        <translation>请再次同步，从总部重新获取；或重新添加该附件。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/blobs.py" line="93"/>
        <source>This file is not on this computer yet.</source>
        <translation>本机上还没有此文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/blobs.py" line="94"/>
        <source>Sync with HQ to fetch it, then open it again.</source>
        <translation>请与总部同步以获取该文件，然后再打开。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/blobs.py" line="98"/>
        <source>The file is too large to attach ({size} MiB; at most {limit} MiB).</source>
        <translation>文件过大，无法添加为附件（{size} MiB；上限 {limit} MiB）。</translation>
    </message>
    <message>
        <location filename="../../desktop/store/blobs.py" line="99"/>
        <source>Attach a smaller file, or split it.</source>
        <translation>请添加较小的文件，或将其拆分。</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/bundles.py" line="80"/>
        <source>A sync file cannot be made: {reason}</source>
        <extracomment>A one-time key whose reply has not come back after this long is dropped (the file was lost); its reply, should it still turn up, is then refused as &quot;already imported&quot;.</extracomment>
        <translation>无法生成同步文件：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/bundles.py" line="81"/>
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
        <location filename="../../desktop/ui/pages/members_page.py" line="54"/>
        <source>Members</source>
        <extracomment>Wait this long after the last keystroke before searching. Starting widths (pixels) of the columns; the last one stretches. The sync state is an icon: its column stays narrow and the group column takes the rest.</extracomment>
        <translation>党员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/members_page.py" line="61"/>
        <source>Search by name, pinyin, initials, ID number or phone</source>
        <translation>按姓名、拼音、首字母、身份证号或电话搜索</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/members_page.py" line="66"/>
        <source>Add member…</source>
        <translation>添加党员…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/members_page.py" line="135"/>
        <source>%Ln member(s) found</source>
        <translation>
            <numerusform>找到 %Ln 名党员</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/members_page.py" line="137"/>
        <location filename="../../desktop/ui/pages/members_page.py" line="140"/>
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
        <location filename="../../desktop/ui/pages/members_page.py" line="170"/>
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
        <location filename="../../desktop/domain/access.py" line="43"/>
        <source>Secretary</source>
        <translation>书记</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/access.py" line="44"/>
        <source>Officer</source>
        <translation>支部委员</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/access.py" line="45"/>
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
        <location filename="../../desktop/ui/status_bar.py" line="190"/>
        <source>{name} · {role}</source>
        <extracomment>The sync state was clicked: show the sync log.</extracomment>
        <translation>{name} · {role}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="207"/>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="208"/>
        <source>Lock Lianxin now (Ctrl+L)</source>
        <translation>立即锁定连心（Ctrl+L）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/status_bar.py" line="233"/>
        <source>%Ln change(s) not yet sent to HQ</source>
        <translation>
            <numerusform>%Ln 项更改尚未发送到总部</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="235"/>
        <source>Everything sent to HQ</source>
        <translation>所有更改均已发送到总部</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="241"/>
        <source>Last saved {time}</source>
        <translation>最后保存于 {time}</translation>
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
        <location filename="../../desktop/ui/status_bar.py" line="98"/>
        <source>Syncing: sending files, {done} of {total}</source>
        <translation>正在同步：发送文件 {done}/{total}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="102"/>
        <source>Syncing: receiving files, {done} of {total}</source>
        <translation>正在同步：接收文件 {done}/{total}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="108"/>
        <source>Sync stopped</source>
        <translation>同步已停止</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="117"/>
        <source>Next try at {time}.</source>
        <translation>将于 {time} 再次尝试。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="125"/>
        <source>HQ not reachable</source>
        <translation>无法连接总部</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="131"/>
        <source>Sync failed: {reason}</source>
        <translation>同步失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="140"/>
        <source>Synced {time}</source>
        <translation>已同步 {time}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="143"/>
        <source>The last sync with HQ succeeded. Click for the sync log.</source>
        <translation>上次与总部同步成功。点击查看同步日志。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="149"/>
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="150"/>
        <source>Click for the sync log.</source>
        <translation>点击查看同步日志。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="160"/>
        <source>Clock off by {minutes} min</source>
        <translation>时钟偏差 {minutes} 分钟</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="164"/>
        <source>This computer&apos;s clock is {minutes} minutes behind HQ&apos;s. Set the date, time and time zone correctly; sync goes on working meanwhile.</source>
        <translation>本机时钟比总部慢 {minutes} 分钟。请正确设置日期、时间和时区；同步不受影响。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="170"/>
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
