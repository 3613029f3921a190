// Language: integer arithmetic wraps around at run time for every sized integer type.
package main

import (
	"fmt"
	"math"
)

func main() {
	var i8 int8 = 127
	var i16 int16 = 32767
	var i32 int32 = math.MaxInt32
	var i64 int64 = math.MaxInt64
	var u8 uint8 = 255
	var u16 uint16 = 65535
	var u32 uint32 = math.MaxUint32
	var u64 uint64 = math.MaxUint64
	i8++
	i16++
	i32++
	i64++
	u8++
	u16++
	u32++
	u64++
	fmt.Println(i8, i16, i32, i64)
	fmt.Println(u8, u16, u32, u64)
	var z uint = 0
	z--
	w := uint32(1 << 31)
	fmt.Println(z == math.MaxUint, w*2)
	n := int8(-128)
	fmt.Println(-n, n/-1)
	big := 300
	fmt.Println(int8(big), uint8(big), int16(big*250))
	m := int64(math.MinInt64)
	fmt.Println(m-1, m*-1)
}

// Output:
// -128 -32768 -2147483648 -9223372036854775808
// 0 0 0 0
// true 0
// -128 -128
// 44 44 9464
// 9223372036854775807 -9223372036854775808
