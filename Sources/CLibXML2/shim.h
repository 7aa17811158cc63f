#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED   /* Debian's libxml2 is built with ICU; its headers clash with Foundation's ICU */
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

/* xmlFree is a global function pointer, which Swift 6 sees as shared mutable state. */
static inline void zhixun_xml_free(void *pointer) { xmlFree(pointer); }
