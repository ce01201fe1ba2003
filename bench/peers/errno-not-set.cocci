// Coccinelle's take on wsplint's errno-not-set: a path through a function whose last parameter is an LPINT
// (the SPI's lpErrno) that reaches `return SOCKET_ERROR;` (directly, or through the variable that holds SOCKET_ERROR) without
// storing through the error pointer and without handing the pointer to a callee that could store it.
// Run: spatch --sp-file bench/peers/errno-not-set.cocci --macro-file bench/peers/wsp-macros.h --dir TREE

@errno_not_set exists@
identifier fn, err;
identifier rc;
type T;
expression E, F;
position p;
@@

fn(..., LPINT err)
{
  ... when != *err = E
      when != F(..., err, ...)
      when any
(
  return@p SOCKET_ERROR;
|
  rc = SOCKET_ERROR;
  ... when != *err = E
      when != F(..., err, ...)
      when != rc = E
  return@p rc;
|
  T rc = SOCKET_ERROR;
  ... when != *err = E
      when != F(..., err, ...)
      when != rc = E
  return@p rc;
)
}

@script:python@
p << errno_not_set.p;
fn << errno_not_set.fn;
@@
print("%s:%s:%s: errno-not-set in %s" % (p[0].file, p[0].line, int(p[0].column) + 1, fn))
