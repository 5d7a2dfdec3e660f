@echo off
rem Makes the class-data-sharing archive app\loaxa.jsa that halves LoaXa's start, for the Java of
rem this PC (an archive made by another Java is ignored with a warning). Run it once after
rem installing or upgrading loaxa.jar (about 15 s), from the LoaXa folder (C:\LoaXa).
setlocal
set APP=%~dp0app
set TRAINING=%TEMP%\loaxa-cds-training
if exist "%APP%\loaxa.jsa" del /f "%APP%\loaxa.jsa"
java -XX:ArchiveClassesAtExit="%APP%\loaxa.jsa" -Dspring.context.exit=onRefresh -jar "%APP%\loaxa.jar" --loaxa.data-dir="%TRAINING%" --loaxa.media-dir="%TRAINING%\media" --loaxa.schedules-dir="%TRAINING%\schedules" --loaxa.admin.password=cds-training-only --server.port=0 > "%TEMP%\loaxa-cds-training.log" 2>&1
if errorlevel 1 (
  echo make-cds: the training start failed; LoaXa starts without the archive ^(see %TEMP%\loaxa-cds-training.log^)
  if exist "%APP%\loaxa.jsa" del /f "%APP%\loaxa.jsa"
)
rmdir /s /q "%TRAINING%" 2>nul
endlocal
