@conformance @bad-input
Feature: Bad input — the phone refuses what it cannot use, says why, and loses nothing
  People mistype codes and addresses; switches, DHCP servers and settings files get
  misconfigured. Whatever the phone cannot use, it refuses and keeps what it had.
  What the user typed is refused on the phone's screen, and the user can type again. What the
  network sent is for QA: the reason is in the phone's log, and the phone carries on with the
  sources that did work.

  @req:ASSUME-4 @assumption
  Rule: ASSUME-4 — A code of the wrong form is refused on the phone and DES is not asked
    CODE-1 defines the form, so the phone checks it itself: a malformed code never reaches DES
    and so never counts towards DES's lockout (ASSUME-6). Leading zeros are digits like any other.

    Scenario Outline: A code with <mistake> is refused
      Given the phone is asking for the enrollment code
      When the user enters the enrollment code "<code>"
      Then the phone refuses the code and asks for it again
      And the phone asked DES 1 time

      Examples: wrong length
        | mistake                       | code                  |
        | nothing at all                |                       |
        | ten digits                    | 4821337700            |
        | eleven digits                 | 48213377001           |
        | sixteen digits                | 4821337700112233      |
        | more than twenty digits       | 482133770011223344556 |
        | seven digits, two of them 0   | 0048213               |

      Examples: not only digits
        | mistake                       | code                  |
        | letters only                  | ABCDEFGH              |
        | a space in the middle         | 4821 3377             |
        | pasted dots                   | 4821.3377             |
        | pasted slashes                | 4821/3377             |
        | a pasted 12-digit code        | 5123-4009-0042        |
        | a letter first, 8 in all      | A4821337              |
        | a hyphen, 8 characters in all | 4821-337              |
        | full-width digits             | ４８２１３３７７      |

      Examples: every other length up to twenty digits
        | mistake                       | code                  |
        | one digit                     | 4                     |
        | two digits                    | 48                    |
        | three digits                  | 482                   |
        | four digits                   | 4821                  |
        | five digits                   | 48213                 |
        | six digits                    | 482133                |
        | fourteen digits               | 48213377001122        |
        | fifteen digits                | 482133770011223       |
        | seventeen digits              | 48213377001122334     |
        | eighteen digits               | 482133770011223344    |
        | nineteen digits               | 4821337700112233445   |
        | twenty digits                 | 48213377001122334455  |

    Scenario: Malformed codes, however many, never count towards DES's lockout
      Given DES names the configuration server "https://prov.example.com/j100" for the enrollment code "48213377"
      And the phone is asking for the enrollment code
      When the user enters these enrollment codes one after another:
        | 4821337        |
        | 4821-3377      |
        | ABCDEFGH       |
        | 482133771      |
        | 4821 3377      |
        | 9027163544181  |
        | 48213377       |
      Then the phone is provisioned from "https://prov.example.com/j100"
      And the phone refused 6 enrollment codes itself
      And the phone asked DES 2 times

  @req:ASSUME-12b @assumption
  Rule: ASSUME-12b — The phone accepts http, https, or a bare address, and refuses anything else
    A bare address means http. Anything else is refused on the prompt, so the installer can
    correct it without starting over; nothing is contacted for an address the phone refused.

    Scenario Outline: A server address with <mistake> is refused
      Given the phone is asking for the configuration server by hand
      When the user enters the configuration server "<typed>"
      Then the phone refuses the entry and asks for the configuration server again
      And the phone contacted no configuration server

      Examples: scheme and form
        | mistake                   | typed                                    |
        | an unknown scheme         | tftp://prov.example.com                  |
        | a scheme with one slash   | http:/prov.example.com                   |
        | a space before the path   | https://prov.example.com /j100           |
        | a user name               | admin@prov.example.com                   |
        | a query                   | https://prov.example.com/j100?site=leeds |
        | a fragment                | https://prov.example.com/j100#top        |
        | no host                   | http://:8080/j100                        |
        | pasted angle brackets     | <https://prov.example.com>               |

      Examples: port
        | mistake                   | typed                                    |
        | port 0                    | prov.example.com:0                       |
        | port 65536                | https://prov.example.com:65536           |
        | a port in words           | prov.example.com:http                    |
        | a colon without a port    | prov.example.com:                        |
        | letters after the port    | prov.example.com:8080x                   |

      Examples: host
        | mistake                   | typed                                    |
        | a number above 255        | 192.0.2.300                              |
        | three numbers             | 192.0.2                                  |
        | five numbers              | 1.2.3.4.5                                |
        | a leading hyphen          | -prov.example.com                        |
        | an empty part             | prov..example.com                        |
        | an underscore             | prov_1.example.com                       |
        | a trailing hyphen         | prov-.example.com                        |
        | an empty number           | 192.0..2                                 |
        | a number of four digits   | 192.0.2.0040                             |

    Scenario: An address longer than 255 characters is refused
      Given the phone is asking for the configuration server by hand
      When the user enters a configuration server address of 256 characters
      Then the phone refuses the entry and asks for the configuration server again
      And the phone contacted no configuration server

    Scenario Outline: A server name <size> is refused
      Given the phone is asking for the configuration server by hand
      When the user enters a configuration server name <size>
      Then the phone refuses the entry and asks for the configuration server again
      And the phone contacted no configuration server

      Examples: beyond what DNS allows
        | size                         |
        | of 254 characters            |
        | with a part of 64 characters |

    Scenario: An address of spaces only counts as no address
      Given the phone is asking for the configuration server by hand
      When the user enters the configuration server "   "
      Then the phone refuses the entry and asks for the configuration server again
      And the phone contacted no configuration server

    Scenario: After a refused address, the corrected one provisions the phone
      Given the configuration server "https://prov.example.com/j100" holds the site's settings
      And the phone is asking for the configuration server by hand
      When the user enters the configuration server "https://prov.example.com:j100"
      And the user enters the configuration server "https://prov.example.com/j100"
      Then the phone is provisioned from "https://prov.example.com/j100"
      And the phone refused 1 server address itself

    @req:NO-1
    Scenario Outline: After No, provisioning details with <mistake> are refused
      Given the phone is asking for the provisioning details by hand
      When the user enters the provisioning details "<typed>"
      Then the phone refuses the entry and asks for the provisioning details again
      And the phone contacted no configuration server
      And the phone never contacted DES

      Examples: entries the phone cannot read
        | mistake           | typed                 |
        | an unknown scheme | ftps://192.0.2.40     |
        | a bad address     | 192.0.2.400           |

  @req:ASSUME-21 @assumption
  Rule: ASSUME-21 — The administration menu outranks DHCP and LLDP
    A value set in the administration menu is checked like a typed one; a bad one is refused
    in the phone's log and the phone stays as it was, still open to the menu.

    Scenario: A bad server set in the administration menu leaves the phone unprovisioned and open to the menu
      Given the phone is asking for the configuration server by hand
      When the user presses Cancel
      And the installer sets the configuration server "ftp://prov.example.com" in the administration menu
      Then the phone shows that it is not provisioned
      And the phone contacted no configuration server

  @req:ASSUME-25 @assumption
  Rule: ASSUME-25 — A DHCP option the phone cannot read is ignored whole and logged
    Half-reading an option could send the phone to a wrong server, and nobody at the phone can
    correct DHCP data: the phone ignores the option, says why in its log, and uses what else it has.

    Scenario Outline: A site-specific option with <mistake> is ignored and LLDP's server is used
      Given the DHCP server offers the site-specific option "<option>"
      And the switch names the configuration server "192.0.2.60"
      When the user answers No
      Then the phone is provisioned from "http://192.0.2.60"
      And the phone tried the configuration server "192.0.2.60" and no other

      Examples: form
        | mistake                  | option                                          |
        | nothing in it            |                                                 |
        | a missing "="            | HTTPSRVR192.0.2.50                              |
        | an unknown name          | HTTPSERVER=192.0.2.50                           |
        | a name given twice       | HTTPSRVR=192.0.2.50,HTTPSRVR=192.0.2.51         |
        | a space                  | HTTPSRVR=192.0.2.50, 192.0.2.51                 |
        | a comma too many         | L2Q=1,,HTTPSRVR=192.0.2.50                      |
        | a name without "="       | L2Q=1,VLANTEST,HTTPSRVR=192.0.2.50              |

      Examples: values
        | mistake                  | option                                          |
        | an empty server list     | HTTPSRVR=                                       |
        | an empty server          | HTTPSRVR=192.0.2.50,,192.0.2.51                 |
        | a bad server address     | HTTPSRVR=192.0.2.500                            |
        | a bad server name        | TLSSRVR=-prov.example.com                       |
        | HTTP port 0              | HTTPSRVR=192.0.2.50,HTTPPORT=0                  |
        | a TLS port too high      | TLSSRVR=192.0.2.50,TLSPORT=65536                |
        | an empty HTTPDIR         | HTTPSRVR=192.0.2.50,HTTPDIR=                    |
        | an http AADS_URL         | AADS_URL=http://aads.example.com,HTTPSRVR=192.0.2.50 |
        | an AADS_URL with two schemes | AADS_URL=http://https://aads.example.com,HTTPSRVR=192.0.2.50 |
        | a port in hexadecimal    | HTTPSRVR=192.0.2.50,HTTPPORT=0x1F90             |
        | a bad call server        | MCIPADD=192.0.2.30,192.0.2.300,HTTPSRVR=192.0.2.50 |

    Scenario Outline: An HTTPDIR of <length> characters <outcome>
      Given the DHCP server offers a site-specific option whose HTTPDIR is <length> characters long
      And the switch announces the file server 192.0.2.60 over LLDP
      When the user answers No
      Then the phone tried the configuration server "<server>" and no other

      Examples: at most 127 characters
        | length | outcome                                                    | server     |
        | 127    | is used                                                    | 192.0.2.50 |
        | 128    | makes the whole option ignored, and LLDP's server is used | 192.0.2.60 |

    Scenario: A bad site-specific option does not hide Avaya's option 43 in the same offer
      Given the DHCP server offers Avaya's vendor option naming the server "192.0.2.51"
      And the DHCP server offers the site-specific option "HTTPSRVR=192.0.2.50,HTTPSRVR=192.0.2.52"
      And the configuration server "192.0.2.51" holds the site's settings
      When the user answers No
      Then the phone is provisioned from "http://192.0.2.51"
      And the phone tried the configuration server "192.0.2.51" and no other

    Scenario Outline: Avaya's option 43 <damage> is ignored and LLDP's server is used
      Given the DHCP server offers Avaya's vendor option naming the server "192.0.2.51" <damage>
      And the switch names the configuration server "192.0.2.60"
      When the user answers No
      Then the phone is provisioned from "http://192.0.2.60"
      And the phone tried the configuration server "192.0.2.60" and no other

      Examples: damaged encodings
        | damage                                         |
        | cut off in the middle of the server name       |
        | cut off after a sub-option number              |
        | with a control character after the server name |

    Scenario Outline: Avaya's option 43 with <mistake> is ignored and LLDP's server is used
      Given the DHCP server offers Avaya's vendor option with the settings "<option 43>"
      And the switch names the configuration server "192.0.2.60"
      When the user answers No
      Then the phone is provisioned from "http://192.0.2.60"
      And the phone tried the configuration server "192.0.2.60" and no other

      Examples: values the phone cannot use
        | mistake                           | option 43                          |
        | a space in HTTPDIR                | HTTPSRVR=192.0.2.51,HTTPDIR=j 100  |
        | a letter outside ASCII in HTTPDIR | HTTPSRVR=192.0.2.51,HTTPDIR=zürich |

    Scenario: Avaya's option 43 naming an impossible address is ignored
      Given the DHCP server offers Avaya's vendor option naming the server "192.0.2.510"
      And the switch names the configuration server "192.0.2.60"
      When the user answers No
      Then the phone is provisioned from "http://192.0.2.60"
      And the phone tried the configuration server "192.0.2.60" and no other

    Scenario: Another vendor's option 43 is not for the phone and is passed over
      Given the DHCP server offers another vendor's option 43 naming the server "192.0.2.51"
      And the switch names the configuration server "192.0.2.60"
      When the user answers No
      Then the phone is provisioned from "http://192.0.2.60"
      And the phone never contacted the configuration server "192.0.2.51"

  @req:ASSUME-26 @assumption
  Rule: ASSUME-26 — An LLDP frame the phone cannot read is ignored whole and logged
    Switches repeat their frames, so a damaged one is usually followed by a good one: the phone
    ignores the bad frame, says why in its log, and keeps listening for the rest of the search.

    Background:
      Given the DHCP server offers no configuration server

    Scenario Outline: A frame <damage> is ignored and the switch's next frame is used
      Given the switch announces the file server 192.0.2.61 over LLDP in a frame <damage>
      And the switch names the configuration server "192.0.2.60" after 5 seconds
      When the user answers No
      Then the phone is provisioned from "http://192.0.2.60"
      And the phone tried the configuration server "192.0.2.60" and no other

      Examples: frames the phone cannot read
        | damage                             |
        | cut off in the middle              |
        | cut off inside its End TLV         |
        | without its End TLV                |
        | with stray bytes after the address |
        | with the address left out          |
        | cut off after its Chassis ID       |
        | without its TTL                    |
        | with an End TLV that is not empty  |
        | with an organisationally specific TLV too short for its subtype |
        | padded to 1501 bytes               |

    Scenario: A frame listing 0.0.0.0 is ignored and the switch's next frame is used
      Given the switch announces the file server 0.0.0.0 over LLDP
      And the switch names the configuration server "192.0.2.60" after 5 seconds
      When the user answers No
      Then the phone is provisioned from "http://192.0.2.60"
      And the phone tried the configuration server "192.0.2.60" and no other

    Scenario: A frame listing five file servers is ignored whole
      Given the switch announces 5 file servers over LLDP
      And the switch names the configuration server "192.0.2.60" after 5 seconds
      When the user answers No
      Then the phone is provisioned from "http://192.0.2.60"
      And the phone tried the configuration server "192.0.2.60" and no other

    Scenario: A file server under another organisation's OUI is not Avaya's and is passed over
      Given the switch announces the file server 192.0.2.61 over LLDP in a frame under another organisation's OUI
      When the user answers No
      Then the phone asks for the provisioning details by hand
      And the phone never contacted the configuration server "192.0.2.61"

  @req:ASSUME-22 @assumption
  Rule: ASSUME-22 — A settings file the phone cannot use counts as the server failing
    A file that is too large or not text at all is not a settings file: nothing from it is
    applied, the reason is in the phone's log, and the next server in the list is tried. A line
    the phone cannot read costs that line alone (features/conformance/settings-file.feature).

    Background:
      Given the DHCP server offers the site-specific option "HTTPSRVR=192.0.2.50,192.0.2.51"

    Scenario: A settings file over 256 KiB is not applied; the next server's file is
      Given the configuration server "192.0.2.50" holds a settings file of 300 KiB
      And the configuration server "192.0.2.51" holds the site's settings
      When the user answers No
      Then the phone is provisioned from "http://192.0.2.51"
      And the phone tried the configuration servers "192.0.2.50" and "192.0.2.51" in that order

    Scenario: A settings file of exactly 256 KiB is still applied
      Given the configuration server "192.0.2.50" holds a settings file of 256 KiB
      When the user answers No
      Then the phone is provisioned from "http://192.0.2.50"

    Scenario: A binary file in place of the settings file is not applied; the next server's file is
      Given the configuration server "192.0.2.50" sends a malformed reply
      And the configuration server "192.0.2.51" holds the site's settings
      When the user answers No
      Then the phone is provisioned from "http://192.0.2.51"
      And the phone tried the configuration servers "192.0.2.50" and "192.0.2.51" in that order

    Scenario: When no server's file can be used, the phone shows what was wrong with each
      Given the configuration server "192.0.2.50" holds a settings file of 300 KiB
      And the configuration server "192.0.2.51" sends a malformed reply
      When the user answers No
      Then the phone asks for the provisioning details by hand, saying the settings could not be fetched
      And the phone tried the configuration servers "192.0.2.50" and "192.0.2.51" in that order
