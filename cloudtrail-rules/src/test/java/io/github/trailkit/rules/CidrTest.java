package io.github.trailkit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The allocation-free IPv4 reading agrees with the general one. */
final class CidrTest {

    @Test
    void ipv4BitsAgreeWithTheAddressBytes() {
        List<String> odd = List.of(
                "1.2.3.4",
                "010.0.0.1",
                "255.255.255.255",
                "256.1.1.1",
                "1.2.3",
                "1.2.3.4.5",
                "1.2.3.4 ",
                " 1.2.3.4",
                "",
                ".",
                "1..2.3",
                "a.b.c.d",
                "0.0.0.0",
                "00000000001.2.3.4",
                "1.2.3.-4",
                "99999999999999.1.1.1",
                "AWS Internal",
                "ec2.amazonaws.com",
                "1.2.3.4/8");
        for (String s : odd) {
            assertBitsAgree(s);
        }
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int parts = 3 + rnd.nextInt(3);
            for (int p = 0; p < parts; p++) {
                if (p > 0) {
                    sb.append(rnd.nextInt(20) == 0 ? ":" : ".");
                }
                sb.append(rnd.nextInt(10) == 0 ? "0" : "").append(rnd.nextInt(300));
            }
            assertBitsAgree(sb.toString());
        }
    }

    @Test
    void ipv4ContainmentAgreesWithTheByteComparison() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int i = 0; i < 20_000; i++) {
            String range = rnd.nextInt(256) + "." + rnd.nextInt(256) + "." + rnd.nextInt(4) + ".0/" + rnd.nextInt(33);
            Cidr cidr = Cidr.parse(range);
            String address = rnd.nextInt(256) + "." + rnd.nextInt(256) + "." + rnd.nextInt(4) + "." + rnd.nextInt(256);
            assertThat(cidr.containsV4((int) Cidr.parseV4Bits(address)))
                    .as(address + " in " + range)
                    .isEqualTo(cidr.contains(Cidr.parseAddress(address)));
        }
        Cidr v6 = Cidr.parse("::/0");
        assertThat(v6.containsV4((int) Cidr.parseV4Bits("1.2.3.4"))).isFalse();
        assertThat(Cidr.parse("0.0.0.0/0").containsV4((int) Cidr.parseV4Bits("255.1.2.3")))
                .isTrue();
    }

    private static void assertBitsAgree(String s) {
        byte[] bytes = s.indexOf(':') >= 0 ? null : Cidr.parseAddress(s);
        long bits = Cidr.parseV4Bits(s);
        if (bytes == null || bytes.length != 4) {
            assertThat(bits).as(s).isEqualTo(-1);
        } else {
            long expected =
                    (bytes[0] & 0xffL) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8 | bytes[3] & 0xff;
            assertThat(bits).as(s).isEqualTo(expected);
        }
    }
}
