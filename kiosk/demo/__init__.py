"""The PLM 2018 demo event folder, shipped with the package."""
