; Inno Setup 6 script: a Windows installer around the PyInstaller folder dist\kmdesk.
; Not built here (no Windows machine): packaging/README.md gives the commands and what is unverified.
; The library is never inside {app}: kmdesk keeps it in %LOCALAPPDATA%\kmdesk\kmdesk
; (platformdirs), so uninstalling or installing a newer version keeps it.
#define AppVersion "0.1.0"

[Setup]
AppId={{6A1F8E52-3C7B-4E0B-9B0E-4B6D5A2C9E11}
AppName=kmdesk
AppVersion={#AppVersion}
AppPublisher=The kmdesk developers
DefaultDirName={autopf}\kmdesk
DefaultGroupName=kmdesk
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\dist
OutputBaseFilename=kmdesk-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
WizardStyle=modern

[Languages]
; Arabic and Chinese (Simplified) setup texts are not shipped with Inno Setup: add their
; unofficial .isl files (jrsoftware.org/files/istrans) beside this script to offer them.
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"
Name: "es"; MessagesFile: "compiler:Languages\Spanish.isl"
Name: "ru"; MessagesFile: "compiler:Languages\Russian.isl"

[Files]
Source: "..\..\dist\kmdesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\kmdesk"; Filename: "{app}\kmdesk.exe"
Name: "{autodesktop}\kmdesk"; Filename: "{app}\kmdesk.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Run]
Filename: "{app}\kmdesk.exe"; Description: "{cm:LaunchProgram,kmdesk}"; Flags: nowait postinstall skipifsilent
