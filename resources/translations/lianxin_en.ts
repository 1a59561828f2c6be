<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ConflictsPage</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/conflicts_page.py" line="115"/>
        <source>%Ln conflict(s) to review</source>
        <translation>
            <numerusform>%Ln conflict to review</numerusform>
            <numerusform>%Ln conflicts to review</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/conflicts_page.py" line="118"/>
        <source>%Ln reviewed, sent with the next sync</source>
        <translation>
            <numerusform>%Ln reviewed, sent with the next sync</numerusform>
            <numerusform>%Ln reviewed, sent with the next sync</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DevelopmentPage</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/development_page.py" line="174"/>
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n case</numerusform>
            <numerusform>%n cases</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/members_page.py" line="156"/>
        <source>%Ln member(s) found</source>
        <translation>
            <numerusform>%Ln member found</numerusform>
            <numerusform>%Ln members found</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/members_page.py" line="158"/>
        <location filename="../../desktop/ui/pages/members_page.py" line="161"/>
        <source>%Ln member(s) on the roster</source>
        <translation>
            <numerusform>%Ln member on the roster</numerusform>
            <numerusform>%Ln members on the roster</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PasswordFields</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/password_fields.py" line="103"/>
        <source>At least %n characters. A short sentence is easy to remember.</source>
        <translation>
            <numerusform>At least %n characters. A short sentence is easy to remember.</numerusform>
            <numerusform>At least %n characters. A short sentence is easy to remember.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/password_fields.py" line="106"/>
        <source>Too short: use at least %n characters.</source>
        <translation>
            <numerusform>Too short: use at least %n characters.</numerusform>
            <numerusform>Too short: use at least %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RosterImportDialog</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/roster_import_dialog.py" line="282"/>
        <source>Also import %n possible duplicate(s)</source>
        <translation>
            <numerusform>Also import %n possible duplicate</numerusform>
            <numerusform>Also import %n possible duplicates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/roster_import_dialog.py" line="294"/>
        <source>Import %n member(s)</source>
        <translation>
            <numerusform>Import %n member</numerusform>
            <numerusform>Import %n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/roster_import_dialog.py" line="316"/>
        <source>Imported %n member(s)</source>
        <translation>
            <numerusform>Imported %n member</numerusform>
            <numerusform>Imported %n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/roster_import_dialog.py" line="326"/>
        <source>%n row(s) were not imported (errors, or possible duplicates): correct them in the file and import those rows again.</source>
        <translation>
            <numerusform>%n row was not imported (errors, or possible duplicates): correct them in the file and import those rows again.</numerusform>
            <numerusform>%n rows were not imported (errors, or possible duplicates): correct them in the file and import those rows again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/roster_page.py" line="163"/>
        <source>%n member(s) written to {file}.</source>
        <translation>
            <numerusform>%n member written to {file}.</numerusform>
            <numerusform>%n members written to {file}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/status_bar.py" line="237"/>
        <source>%Ln change(s) not yet sent to HQ</source>
        <translation>
            <numerusform>%Ln change not yet sent to HQ</numerusform>
            <numerusform>%Ln changes not yet sent to HQ</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/sync_page.py" line="207"/>
        <source>%Ln change(s)</source>
        <translation>
            <numerusform>%Ln change</numerusform>
            <numerusform>%Ln changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/sync_page.py" line="212"/>
        <source>%Ln conflict(s) to review</source>
        <translation>
            <numerusform>%Ln conflict to review</numerusform>
            <numerusform>%Ln conflicts to review</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/sync_page.py" line="329"/>
        <source>%Ln change(s) in the file.</source>
        <translation>
            <numerusform>%Ln change in the file.</numerusform>
            <numerusform>%Ln changes in the file.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/sync_page.py" line="332"/>
        <source>%Ln more did not fit: they go in the next sync file.</source>
        <translation>
            <numerusform>%Ln more did not fit: it goes in the next sync file.</numerusform>
            <numerusform>%Ln more did not fit: they go in the next sync file.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/sync_page.py" line="371"/>
        <source>HQ stored %Ln change(s) from this computer</source>
        <translation>
            <numerusform>HQ stored %Ln change from this computer</numerusform>
            <numerusform>HQ stored %Ln changes from this computer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/sync_page.py" line="372"/>
        <source>; %Ln record(s) came from HQ.</source>
        <translation>
            <numerusform>; %Ln record came from HQ.</numerusform>
            <numerusform>; %Ln records came from HQ.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/unlock_screen.py" line="253"/>
        <source>You can try again in %n second(s).</source>
        <translation>
            <numerusform>You can try again in %n second.</numerusform>
            <numerusform>You can try again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
</TS>
