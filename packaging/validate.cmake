# Run by the packaging_validate test: both validators must accept the files (hints and infos are fine).
foreach(_var DESKTOP_FILE_VALIDATE APPSTREAMCLI DESKTOP_FILE METAINFO_FILE)
    if(NOT ${_var})
        message(FATAL_ERROR "validate.cmake: ${_var} is not set")
    endif()
endforeach()

execute_process(COMMAND ${DESKTOP_FILE_VALIDATE} ${DESKTOP_FILE} RESULT_VARIABLE _desktop_rc)
execute_process(COMMAND ${APPSTREAMCLI} validate --no-net ${METAINFO_FILE} RESULT_VARIABLE _metainfo_rc)
if(NOT _desktop_rc EQUAL 0 OR NOT _metainfo_rc EQUAL 0)
    message(FATAL_ERROR "desktop-file-validate: ${_desktop_rc}, appstreamcli validate: ${_metainfo_rc}")
endif()
