#ifndef CMLENS_BUILD_INFO_H
#define CMLENS_BUILD_INFO_H
/* The git commit the binary was built from ("" when built without a checkout, e.g. from a tarball). */
const char *cmlens_git_commit(void);
#endif
