<?php
/**
 * Removes what the plugin stored: the named data sources.
 *
 * @package SozialInnovativWidgets
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

delete_option( 'si_widgets_sources' );
delete_site_option( 'si_widgets_sources' );
