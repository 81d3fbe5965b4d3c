; Inno Setup 6 script: a Windows installer around the PyInstaller folder dist\kmdesk.
; Built by CI on windows-latest (.github/workflows/desktop.yml); packaging/README.md says what was verified.
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
; kmdesk's six interface languages. Inno Setup 6 ships English, French, Spanish and Russian;
; Arabic and Chinese (Simplified) are its unofficial translations, which the CI workflow
; (.github/workflows/desktop.yml) puts beside this script from Inno Setup's own repository
; (Files/Languages/Unofficial) before it compiles: ISCC stops if they are missing.
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"
Name: "es"; MessagesFile: "compiler:Languages\Spanish.isl"
Name: "ru"; MessagesFile: "compiler:Languages\Russian.isl"
Name: "ar"; MessagesFile: "Arabic.isl"
Name: "zh"; MessagesFile: "ChineseSimplified.isl"

[CustomMessages]
en.AppComment=Offline knowledge library with free, prior and informed consent
fr.AppComment=Bibliothèque de savoirs hors ligne, avec consentement préalable, libre et éclairé
es.AppComment=Biblioteca de conocimientos sin conexión, con consentimiento libre, previo e informado
ru.AppComment=Автономная библиотека знаний со свободным, предварительным и осознанным согласием
ar.AppComment=مكتبة معارف تعمل دون اتصال، بموافقة حرة ومسبقة ومستنيرة
zh.AppComment=离线知识库，遵循自由、事先和知情同意原则
en.CommandLine=kmdesk (command line)
fr.CommandLine=kmdesk (ligne de commande)
es.CommandLine=kmdesk (línea de comandos)
ru.CommandLine=kmdesk (командная строка)
ar.CommandLine=kmdesk (سطر الأوامر)
zh.CommandLine=kmdesk（命令行）

[Files]
Source: "..\..\dist\kmdesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
; the windowed program for the menu and the desktop; kmdesk.exe is the console one
Name: "{group}\kmdesk"; Filename: "{app}\kmdesk-gui.exe"; Comment: "{cm:AppComment}"
Name: "{group}\{cm:CommandLine}"; Filename: "{cmd}"; Parameters: "/k ""{app}\kmdesk.exe"" --help"; WorkingDir: "{userdocs}"
Name: "{autodesktop}\kmdesk"; Filename: "{app}\kmdesk-gui.exe"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Run]
Filename: "{app}\kmdesk-gui.exe"; Description: "{cm:LaunchProgram,kmdesk}"; Flags: nowait postinstall skipifsilent
