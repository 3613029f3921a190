//! gosched-web: the Yew playground page (stub; the workspace issue fills it in).
