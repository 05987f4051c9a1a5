@conformance @path:no
Feature: Answering No — the phone finds its server on the local network
  An installer who answers No keeps the phone away from DES. The phone looks for its
  configuration server the way J100 phones always have: the DHCP site-specific option (SSON),
  LLDP from the switch, or the administration menu. When none of them names a server the
  phone asks for the provisioning details by hand.

  @req:NO-1
  Rule: NO-1 — After No the phone never uses DES; DHCP SSON, LLDP or the administration menu name the server

    Scenario: A Yes pressed while the phone searches does not contact DES
      Given the DHCP server offers the site-specific option "HTTPSRVR=192.0.2.50" after 5 seconds
      And the configuration server "192.0.2.50" holds the site's settings
      When the user answers No
      And the user answers Yes after 1 second
      Then the phone is provisioned from "http://192.0.2.50"
      And the phone never contacted DES

    Scenario Outline: <source> names the server
      Given <announcement>
      And the configuration server "<server>" holds the site's settings
      When the user answers No
      Then the phone is provisioned from "<server>"
      And the phone never contacted DES

      Examples: one source at a time
        | source                         | announcement                                                             | server                          |
        | the SSON's HTTPSRVR            | the DHCP server offers the site-specific option "HTTPSRVR=192.0.2.50"    | http://192.0.2.50               |
        | the SSON's TLSSRVR and HTTPDIR | the DHCP server offers the site-specific option "TLSSRVR=prov.example.com,HTTPDIR=j100" | https://prov.example.com:411/j100 |
        | LLDP alone                     | the switch announces the file server 192.0.2.60 over LLDP                | http://192.0.2.60               |

      @req:ASSUME-40 @assumption
      Examples: DHCP's other way of naming a server, which the source does not name
        | source                         | announcement                                                             | server                          |
        | Avaya's DHCP option 43         | the DHCP server offers Avaya's vendor option naming the server "192.0.2.51" | http://192.0.2.51           |

  @req:ASSUME-40 @assumption
  Rule: ASSUME-40 — DHCP's options and LLDP's frames are read as J100 phones read them
    The source names DHCP SSON and LLDP but not what they carry. The settings and layouts here follow
    Avaya's J100 documentation; they are QA's to check, not product's to sign.

    Scenario Outline: The SSON's <settings> tell the phone where its settings file is
      Given the DHCP server offers the site-specific option "<option>"
      And the configuration server "<server>" holds the site's settings
      When the user answers No
      Then the phone is provisioned from "<server>"

      Examples: ports, from 1 to 65535
        | settings        | option                            | server                   |
        | HTTPPORT        | HTTPSRVR=192.0.2.50,HTTPPORT=8080 | http://192.0.2.50:8080   |
        | lowest HTTPPORT | HTTPSRVR=192.0.2.50,HTTPPORT=1    | http://192.0.2.50:1      |
        | TLSPORT         | TLSSRVR=192.0.2.52,TLSPORT=8443   | https://192.0.2.52:8443  |
        | highest TLSPORT | TLSSRVR=192.0.2.52,TLSPORT=65535  | https://192.0.2.52:65535 |

      Examples: directory, with the phone's own details filled in
        The phone is a J179 with MAC address 00:1B:4F:5A:10:01 and serial number 22WZ51234567.

        | settings                        | option                                        | server                               |
        | HTTPDIR with a leading "/"      | HTTPSRVR=192.0.2.50,HTTPDIR=/j100             | http://192.0.2.50/j100               |
        | HTTPDIR with $MACADDR           | HTTPSRVR=192.0.2.50,HTTPDIR=phones/$MACADDR   | http://192.0.2.50/phones/001b4f5a1001 |
        | HTTPDIR with $MODEL4, $SERIALNO | HTTPSRVR=192.0.2.50,HTTPDIR=$MODEL4/$SERIALNO | http://192.0.2.50/J179/22WZ51234567  |

    Scenario Outline: The SSON's server is used when the option also sets <name>
      Given the DHCP server offers the site-specific option "<option>"
      And the configuration server "192.0.2.50" holds the site's settings
      When the user answers No
      Then the phone is provisioned from "http://192.0.2.50"

      Examples: settings the phone reads but does not need for provisioning
        | name                            | option                                                                                           |
        | MCIPADD, a list of call servers | HTTPSRVR=192.0.2.50,MCIPADD=192.0.2.30,192.0.2.31                                                |
        | L2QVLAN                         | L2Q=1,L2QVLAN=1212,HTTPSRVR=192.0.2.50                                                           |
        | SIPDOMAIN                       | SIPDOMAIN=example.com,HTTPSRVR=192.0.2.50                                                        |
        | SIP_CONTROLLER_LIST             | SIP_CONTROLLER_LIST=10.0.0.6:5061;transport=tls,10.0.0.7:5061;transport=tls,HTTPSRVR=192.0.2.50 |
        | AADS_URL                        | AADS_URL=https://aads.example.com,HTTPSRVR=192.0.2.50                                            |
        | ICMPDU                          | ICMPDU=1,HTTPSRVR=192.0.2.50                                                                     |
        | ICMPRED                         | ICMPRED=0,HTTPSRVR=192.0.2.50                                                                    |
        | VLANTEST                        | VLANTEST=60,HTTPSRVR=192.0.2.50                                                                  |
        | names in small letters          | l2q=1,httpsrvr=192.0.2.50                                                                        |

    Scenario Outline: Avaya's option 43 with <settings> names the server
      Given the DHCP server offers Avaya's vendor option with the settings "<option 43>"
      And the configuration server "<server>" holds the site's settings
      When the user answers No
      Then the phone is provisioned from "<server>"

      Examples: sub-options Avaya defines
        | settings                     | option 43                                    | server                       |
        | HTTPSRVR and HTTPPORT        | HTTPSRVR=192.0.2.51,HTTPPORT=8080            | http://192.0.2.51:8080       |
        | TLSSRVR, TLSPORT and HTTPDIR | TLSSRVR=192.0.2.52,TLSPORT=8443,HTTPDIR=j100 | https://192.0.2.52:8443/j100 |
        | a "~" in HTTPDIR             | HTTPSRVR=192.0.2.51,HTTPDIR=~j100            | http://192.0.2.51/~j100      |

    Scenario Outline: Avaya's option 43 <ending> names the server
      Given the DHCP server offers Avaya's vendor option naming the server "192.0.2.51" <ending>
      And the configuration server "192.0.2.51" holds the site's settings
      When the user answers No
      Then the phone is provisioned from "http://192.0.2.51"

      Examples: endings RFC 2132 allows
        | ending                                                 |
        | padded at the end                                      |
        | closed with an End byte                                |
        | followed by an empty sub-option the phone does not use |

    Scenario Outline: LLDP names the server in a frame <layout>
      Given the switch announces the file server 192.0.2.60 over LLDP in a frame <layout>
      And the configuration server "192.0.2.60" holds the site's settings
      When the user answers No
      Then the phone is provisioned from "http://192.0.2.60"

      Examples: frame layouts switches send
        | layout                                                            |
        | padded to 1500 bytes                                              |
        | after an organisationally specific TLV of only an OUI and subtype |

    Scenario: LLDP may list four file servers
      Given the switch announces 4 file servers over LLDP, the first of them 192.0.2.61
      And the configuration server "192.0.2.61" holds the site's settings
      When the user answers No
      Then the phone is provisioned from "http://192.0.2.61"

    Scenario: The call server LLDP announces is not taken for a configuration server
      Given the switch announces the file server 192.0.2.60 and the call server 192.0.2.70 over LLDP
      And the configuration server "192.0.2.60" holds the site's settings
      When the user answers No
      Then the phone is provisioned from "http://192.0.2.60"
      And the phone never contacted the configuration server "192.0.2.70"

  @req:NO-1
  Rule: NO-1 — After No the phone never uses DES, even when DES or the administration menu could help

    Scenario: DES is not contacted even when it would have named a server
      Given DES names the configuration server "https://prov.example.com/j100"
      And the DHCP server names the configuration server "192.0.2.50"
      When the user answers No
      Then the phone is provisioned from "http://192.0.2.50"
      And the phone never contacted DES

    Scenario: The administration menu names the server while the phone searches
      Given the configuration server "https://prov.example.com/j100" holds the site's settings
      When the user answers No
      And the installer sets the configuration server "https://prov.example.com/j100" in the administration menu
      Then the phone is provisioned from "https://prov.example.com/j100"
      And the phone never contacted DES

  @req:ASSUME-16 @assumption
  Rule: ASSUME-16 — When DHCP and LLDP disagree, DHCP wins
    J100 precedence puts DHCP above LLDP for the file server.

    Scenario: LLDP names its server first, DHCP names another a moment later
      Given the switch names the configuration server "192.0.2.60" after 1 second
      And the DHCP server offers the site-specific option "HTTPSRVR=192.0.2.50" after 5 seconds
      And the configuration server "192.0.2.50" holds the site's settings
      When the user answers No
      Then the phone is provisioned from "http://192.0.2.50"

  @req:ASSUME-9b @assumption
  Rule: ASSUME-9b — The phone waits up to 30 seconds for DHCP and LLDP
    LLDP frames can take up to 30 s to arrive. A late frame still counts; after 30 s the search
    is over.

    Scenario: The first file server LLDP announces is kept until DHCP has answered
      Given the DHCP server offers the site-specific option "L2Q=1" after 5 seconds
      And the switch announces the file server 192.0.2.60 over LLDP after 0.5 seconds
      And the switch announces the file server 192.0.2.61 over LLDP after 1 second
      And the configuration server "192.0.2.60" holds the site's settings
      When the user answers No
      Then the phone is provisioned from "http://192.0.2.60"

    Scenario: A server from DHCP ends the search at once
      Given the DHCP server names the configuration server "192.0.2.50"
      And the switch announces the file server 192.0.2.60 over LLDP after 20 seconds
      When the user answers No
      Then the phone is provisioned from "http://192.0.2.50"
      And the phone ended its search within 1 second

    Scenario: A DHCP answer after the 30 seconds comes too late
      Given the DHCP server offers the site-specific option "HTTPSRVR=192.0.2.50" after 31 seconds
      And the configuration server "192.0.2.50" holds the site's settings
      When the user answers No
      Then the phone asks for the provisioning details by hand

    Scenario Outline: LLDP arrives after <wait>
      Given the DHCP server offers no configuration server
      And the switch announces the file server 192.0.2.60 over LLDP after <wait>
      And the configuration server "192.0.2.60" holds the site's settings
      When the user answers No
      Then the phone <outcome>

      Examples: either side of the 30-second search
        | wait           | outcome                                        |
        | 29 seconds     | is provisioned from "http://192.0.2.60"        |
        | 31 seconds     | asks for the provisioning details by hand      |

  @req:ASSUME-14 @assumption
  Rule: ASSUME-14 — Servers in a list are tried in order, HTTPS before HTTP
    Lists exist for redundancy, and J100 phones prefer TLS servers.

    Scenario: The first server is down, the second answers
      Given the DHCP server offers the site-specific option "HTTPSRVR=192.0.2.50,192.0.2.51"
      And the configuration server "192.0.2.50" is not on the network
      And the configuration server "192.0.2.51" holds the site's settings
      When the user answers No
      Then the phone tried the configuration servers "192.0.2.50" and "192.0.2.51" in that order
      And the phone is provisioned from "http://192.0.2.51"

    Scenario: A TLS server is preferred to an HTTP server
      Given the DHCP server offers the site-specific option "HTTPSRVR=192.0.2.50,TLSSRVR=192.0.2.52"
      And the configuration server "https://192.0.2.52:411" holds the site's settings
      And the configuration server "192.0.2.50" holds the site's settings
      When the user answers No
      Then the phone is provisioned from "https://192.0.2.52:411"

    Scenario: The file servers LLDP lists are tried in order, and no others
      Given the switch announces the file servers 192.0.2.60 and 192.0.2.61 over LLDP
      And the configuration server "192.0.2.60" is not on the network
      And the configuration server "192.0.2.61" is not on the network
      When the user answers No
      Then the phone tried the configuration servers "192.0.2.60" and "192.0.2.61" in that order
      And the phone asks for the provisioning details by hand

  @req:ASSUME-28 @assumption
  Rule: ASSUME-28 — In one DHCP reply the site-specific option outranks option 43, which outranks siaddr, setting by setting
    J100 phones read the standard DHCP fields first and the site-specific option last; a setting
    read later overrides the one before, and a setting a source leaves out keeps the earlier value.

    Scenario: siaddr alone names the server
      Given the DHCP server names the next server 192.0.2.40 in its reply
      And the configuration server "192.0.2.40" holds the site's settings
      When the user answers No
      Then the phone is provisioned from "http://192.0.2.40"

    Scenario: Avaya's option 43 outranks siaddr
      Given the DHCP server names the next server 192.0.2.40 in its reply
      And the DHCP server offers Avaya's vendor option naming the server "192.0.2.51"
      And the configuration server "192.0.2.51" holds the site's settings
      When the user answers No
      Then the phone is provisioned from "http://192.0.2.51"
      And the phone never contacted the configuration server "192.0.2.40"

    Scenario: The site-specific option outranks Avaya's option 43
      Given the DHCP server offers Avaya's vendor option naming the server "192.0.2.51"
      And the DHCP server names the configuration server "192.0.2.50"
      When the user answers No
      Then the phone is provisioned from "http://192.0.2.50"
      And the phone never contacted the configuration server "192.0.2.51"

    Scenario Outline: What the site-specific option leaves out keeps its value from <lower source>
      Given <lower>
      And the DHCP server offers the site-specific option "<option>"
      And the configuration server "<server>" holds the site's settings
      When the user answers No
      Then the phone is provisioned from "<server>"

      Examples: settings the SSON does not mention
        | lower source           | lower                                                                                            | option              | server                      |
        | siaddr                 | the DHCP server names the next server 192.0.2.40 in its reply                                    | HTTPDIR=j100        | http://192.0.2.40/j100      |
        | option 43's server     | the DHCP server offers Avaya's vendor option naming the server "192.0.2.51"                      | HTTPDIR=j100        | http://192.0.2.51/j100      |
        | option 43's directory  | the DHCP server offers Avaya's vendor option with the settings "HTTPSRVR=192.0.2.51,HTTPDIR=j100" | L2Q=1               | http://192.0.2.51/j100      |
        | option 43's port       | the DHCP server offers Avaya's vendor option with the settings "HTTPSRVR=192.0.2.51,HTTPPORT=8080" | HTTPDIR=j100        | http://192.0.2.51:8080/j100 |
        | option 43's TLS server | the DHCP server offers Avaya's vendor option with the settings "TLSSRVR=192.0.2.52"              | HTTPSRVR=192.0.2.50 | https://192.0.2.52:411      |

  @req:NO-2
  Rule: NO-2 — When DHCP and LLDP name no server, the phone asks for the provisioning details by hand

    @req:NO-1
    Scenario: Neither DHCP nor LLDP names a server
      Given neither DHCP nor the switch names a configuration server
      When the user answers No
      Then the phone asks for the provisioning details by hand
      And the phone searched with DHCP and LLDP
      And the phone contacted no configuration server
      And the phone never contacted DES

    @req:NO-1
    Scenario: The provisioning details typed by hand provision the phone
      Given the configuration server "https://prov.example.com/j100" holds the site's settings
      And the phone is asking for the provisioning details by hand
      When the user enters the provisioning details "https://prov.example.com/j100"
      Then the phone is provisioned from "https://prov.example.com/j100"
      And the phone never contacted DES

  @req:ASSUME-10 @assumption
  Rule: ASSUME-10 — A site-specific option without a server counts as nothing found
    Without HTTPSRVR or TLSSRVR there is nowhere to fetch settings from.

    Scenario: The SSON sets only the VLAN
      Given the DHCP server offers the site-specific option "L2Q=1,L2QVLAN=1212"
      When the user answers No
      Then the phone asks for the provisioning details by hand

  @req:ASSUME-11 @assumption
  Rule: ASSUME-11 — A server found locally that cannot be reached is no server found
    The source says what to do with an unreachable server only after Yes. On No the phone asks
    for the provisioning details; on timeout it goes on to DES (see the timeout feature).

    @req:NO-1
    Scenario: The server DHCP names is down
      Given the DHCP server offers the site-specific option "HTTPSRVR=192.0.2.50"
      And the configuration server "192.0.2.50" is not on the network
      When the user answers No
      Then the phone asks for the provisioning details by hand, saying the settings could not be fetched
      And the phone never contacted DES

  @req:ASSUME-21 @assumption
  Rule: ASSUME-21 — The administration menu outranks DHCP, LLDP and DES wherever the phone waits for a server
    J100 precedence puts the administration menu above every other source, on every path.

    Scenario: The installer's server is used when the phone asks for the provisioning details
      Given the DHCP server offers no configuration server
      And the configuration server "https://prov.example.com/j100" holds the site's settings
      When the user answers No
      And the installer sets the configuration server "https://prov.example.com/j100" in the administration menu instead of typing it
      Then the phone is provisioned from "https://prov.example.com/j100"

    Scenario: A server from the administration menu that cannot be reached leads to the provisioning details by hand
      Given the configuration server "https://prov.example.com/j100" is not on the network
      When the user answers No
      And the installer sets the configuration server "https://prov.example.com/j100" in the administration menu
      Then the phone asks for the provisioning details by hand
      And the phone never contacted DES

    Scenario: The administration menu does not answer the question
      Given the phone boots for the first time
      And the configuration server "https://prov.example.com/j100" holds the site's settings
      When the installer sets the configuration server "https://prov.example.com/j100" in the administration menu
      Then the phone is still asking the question

    Scenario: After Yes the installer's server is used at the enrollment code prompt
      Given DES has no configuration server for the phone
      And the configuration server "https://prov.example.com/j100" holds the site's settings
      When the user answers Yes
      And the installer sets the configuration server "https://prov.example.com/j100" in the administration menu instead of typing it
      Then the phone is provisioned from "https://prov.example.com/j100"

    Scenario: After Yes the installer's server is used at the configuration server prompt
      Given the configuration server "https://prov.example.com/j100" holds the site's settings
      And the phone is asking for the configuration server by hand
      When the installer sets the configuration server "https://prov.example.com/j100" in the administration menu instead of typing it
      Then the phone is provisioned from "https://prov.example.com/j100"

    Scenario: The installer's server is used while DHCP is still to answer
      Given the DHCP server names the configuration server "192.0.2.50"
      And the configuration server "https://prov.example.com/j100" holds the site's settings
      When the user answers No
      And the installer sets the configuration server "https://prov.example.com/j100" in the administration menu
      Then the phone is provisioned from "https://prov.example.com/j100"
