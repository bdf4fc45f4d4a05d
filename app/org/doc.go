// Package org is the 组织机构 screen: the organisation tree with headcounts and rule findings, the
// organisation, committee and temporary-branch forms.
package org
