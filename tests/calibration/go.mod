module calibration

go 1.23
