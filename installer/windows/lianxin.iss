; Inno Setup script: the Windows setup program for Lianxin (连心).
;
; On a Windows machine, from the repository root, after building the one-folder bundle
; with installer\lianxin.spec (see README, "Building installers"):
;
;     iscc installer\windows\lianxin.iss
;
; writes dist\lianxin-<version>-setup.exe. It installs for the current user only, into
; %LOCALAPPDATA%\Programs\Lianxin, so no administrator is needed; it adds a Start menu
; shortcut (and, if asked, a desktop one). Uninstalling removes the program and keeps
; the data folder (%LOCALAPPDATA%\Lianxin, or the one chosen in Settings), and says so.
;
; The version comes from lianxin.exe's version resource, which the spec stamps from the
; package; `iscc /DAppVersion=1.2.3 ...` overrides it. Requires Inno Setup 6.

#define AppName "Lianxin"
#define AppExe "lianxin.exe"
#define DistDir AddBackslash(SourcePath) + "..\..\dist\lianxin"
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(DistDir + "\" + AppExe, "ProductVersion")
#endif
#if AppVersion == ""
  #error lianxin.exe has no version resource: build dist\lianxin with installer\lianxin.spec first
#endif
; Simplified Chinese ships with recent Inno Setup; older ones need ChineseSimplified.isl
; copied into their Languages folder (the setup is English-only without it).
#define HaveChinese FileExists(CompilerPath + "Languages\ChineseSimplified.isl")

[Setup]
; Never change the AppId: it is how a newer setup finds the installed version to upgrade.
AppId={{D7D2DED6-9F60-4673-ACCA-B0B87A231720}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
; Per-user: no UAC prompt, {autopf} is %LOCALAPPDATA%\Programs, shortcuts are the user's.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsedUserAreasWarning=no
; Qt 6 runs on 64-bit Windows 10 and later.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#DistDir}\..
OutputBaseFilename=lianxin-{#AppVersion}-setup
SetupIconFile={#DistDir}\lianxin.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} (连心) {#AppVersion}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
; An open Lianxin is asked to close before its files are replaced.
CloseApplications=yes
ShowLanguageDialog=auto

[Languages]
#if HaveChinese
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
english.DataKept=Lianxin was removed. Your data was kept: the encrypted data folder (%1, or the folder chosen in Lianxin's settings) is still on this computer. Reinstall Lianxin to open it again; to remove the data for good, delete that folder.
#if HaveChinese
chinesesimplified.DataKept=连心已卸载。您的数据已保留：加密的数据文件夹（%1，或在连心设置中选择的文件夹）仍在本机。重新安装连心即可再次打开；如需彻底删除数据，请删除该文件夹。
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the libraries whole: a file the new version no longer ships must
; not linger beside the ones that replaced it. The data folder is elsewhere.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "连心"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  // The uninstaller only removes what setup installed under {app}; say what it kept.
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox(FmtMessage(CustomMessage('DataKept'), [ExpandConstant('{localappdata}\Lianxin')]),
      mbInformation, MB_OK);
end;
