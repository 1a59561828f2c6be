<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>MembersPage</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/members_page.py" line="127"/>
        <source>%Ln member(s) found</source>
        <translation>
            <numerusform>%Ln member found</numerusform>
            <numerusform>%Ln members found</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/members_page.py" line="129"/>
        <location filename="../../desktop/ui/pages/members_page.py" line="132"/>
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
    <name>StatusBar</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/status_bar.py" line="61"/>
        <source>%Ln change(s) not yet sent to HQ</source>
        <translation>
            <numerusform>%Ln change not yet sent to HQ</numerusform>
            <numerusform>%Ln changes not yet sent to HQ</numerusform>
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
