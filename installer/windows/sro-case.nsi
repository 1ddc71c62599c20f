; SRO-Fallmanagement: Windows installer (NSIS 3, Unicode), per-machine, German and English.
;
; Compiled by installer/windows/build_installers.py (see docs/INSTALL_WINDOWS.md):
;   makensis /DVERSION=0.1.0 /DSOURCE_DIR=dist\sro-case /DOUTFILE=dist\sro-case-0.1.0-setup.exe installer\windows\sro-case.nsi
; (on Linux the switches are -DVERSION=… ; the script is the same)
;
; Silent installation for software distribution:  sro-case-0.1.0-setup.exe /S  [/D=C:\Programme\SRO]
; Silent removal:  "%ProgramFiles%\SRO-Fallmanagement\uninstall.exe" /S
;
; The uninstaller removes the program only. Case databases, key files (*.keys), backups and
; settings live per user under %LOCALAPPDATA%\Hansestadt Rostock\sro-case\ (or wherever the
; users put them) and are never touched; inside the program folder it deletes only the files it
; installed, so a database someone saved there survives as well.

Unicode true
ManifestDPIAware true
RequestExecutionLevel admin
SetCompressor /SOLID lzma

!ifndef VERSION
  !error "VERSION fehlt: makensis /DVERSION=… (aus sro_case/_version.py)"
!endif
!ifndef SOURCE_DIR
  !error "SOURCE_DIR fehlt: makensis /DSOURCE_DIR=dist\sro-case"
!endif
!ifndef OUTFILE
  !define OUTFILE "sro-case-${VERSION}-setup.exe"
!endif
!ifndef ICON
  !define ICON "sro-case.ico"  ; makensis works in the folder of this script
!endif

!define APPNAME "SRO-Fallmanagement"
!define PUBLISHER "Hansestadt Rostock"
!define EXE "sro-case.exe"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\SRO-Fallmanagement"

Name "${APPNAME}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${APPNAME}"
InstallDirRegKey HKLM "${UNINSTKEY}" "InstallLocation"
BrandingText "${APPNAME} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "FileDescription" "${APPNAME} Setup"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "${PUBLISHER}"

!include "MUI2.nsh"
!include "x64.nsh"
!include "FileFunc.nsh"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_LANGDLL_ALLLANGUAGES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; the first language is the default
!insertmacro MUI_LANGUAGE "German"
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_RESERVEFILE_LANGDLL

LangString Needs64Bit ${LANG_GERMAN} "SRO-Fallmanagement benötigt ein 64-Bit-Windows (Windows 10 oder neuer)."
LangString Needs64Bit ${LANG_ENGLISH} "SRO-Fallmanagement needs 64-bit Windows (Windows 10 or later)."
LangString DataKept ${LANG_GERMAN} "Die Fallakten-Datenbanken, Schlüsseldateien und Sicherungen der Benutzerinnen und Benutzer bleiben erhalten."
LangString DataKept ${LANG_ENGLISH} "The users' case databases, key files and backups are kept."
LangString ShortcutComment ${LANG_GERMAN} "Verschlüsseltes Fallmanagement in der Kinder- und Jugendhilfe"
LangString ShortcutComment ${LANG_ENGLISH} "Encrypted case management for child and youth welfare"

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP|MB_OK "$(Needs64Bit)" /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  SetShellVarContext all
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Section "Programm" SecProgram
  SectionIn RO
  SetShellVarContext all
  ; an older version's program files go first (the users' data is elsewhere, see above)
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  File /r "${SOURCE_DIR}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateDirectory "$SMPROGRAMS"
  CreateShortcut "$SMPROGRAMS\${APPNAME}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0 SW_SHOWNORMAL "" "$(ShortcutComment)"

  WriteRegStr HKLM "${UNINSTKEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKLM "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTKEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKLM "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\${EXE},0"
  WriteRegStr HKLM "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTKEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKLM "${UNINSTKEY}" "EstimatedSize" "$0"
SectionEnd

Function un.onInit
  SetRegView 64
  SetShellVarContext all
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

Section "Uninstall"
  SetShellVarContext all
  Delete "$SMPROGRAMS\${APPNAME}.lnk"
  ; only what the installer put there: never the users' databases (%LOCALAPPDATA%) and never
  ; a file someone else saved into the program folder
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\sro-case.exe"
  Delete "$INSTDIR\sro-case-cli.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINSTKEY}"
  DetailPrint "$(DataKept)"
SectionEnd
