# One INTERFACE target carries the flags every PortRelay target shares, so none of them drifts.
add_library(portrelay_common INTERFACE)
add_library(PortRelay::common ALIAS portrelay_common)

target_compile_features(portrelay_common INTERFACE cxx_std_17)
target_compile_definitions(portrelay_common INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_NO_URL_CAST_FROM_STRING
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    QT_NO_SIGNALS_SLOTS_KEYWORDS
    PORTRELAY_VERSION="${PROJECT_VERSION}"
)
target_compile_options(portrelay_common INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
    -Wcast-align -Wunused -Woverloaded-virtual -Wformat=2 -Wimplicit-fallthrough)
if(PORTRELAY_WERROR)
    target_compile_options(portrelay_common INTERFACE -Werror)
endif()
if(PORTRELAY_FORCE_ASSERTS)
    target_compile_definitions(portrelay_common INTERFACE QT_FORCE_ASSERTS)
endif()
if(PORTRELAY_SANITIZE)
    # e.g. "address,undefined" or "thread"
    target_compile_options(portrelay_common INTERFACE -fsanitize=${PORTRELAY_SANITIZE} -fno-omit-frame-pointer)
    target_link_options(portrelay_common INTERFACE -fsanitize=${PORTRELAY_SANITIZE})
    if(PORTRELAY_SANITIZE MATCHES "undefined")
        # A report must fail the test that triggered it, not scroll by in its log.
        target_compile_options(portrelay_common INTERFACE -fno-sanitize-recover=undefined)
    endif()
    target_compile_definitions(portrelay_common INTERFACE PORTRELAY_SANITIZED)
endif()
